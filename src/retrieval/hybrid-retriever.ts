import type { ArticleStore, KeywordHit, StoredChunk } from '../store/article-store.js';
import type { VectorHit, VectorIndex } from '../store/vector-index.js';
import type { Embedder } from '../embedding/embedder.js';
import { traced, tracedAsync, type StageTrace } from '../log/stage-trace.js';
import type { Passage, Retriever, SearchOptions } from './passage.js';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

export interface HybridRetrieverOptions {
  store: ArticleStore;
  index: VectorIndex;
  embedder: Embedder;
  /** Candidates taken from each list before fusion (default 50). */
  candidates?: number;
  /** Weight of the keyword list in the fusion (default 1). */
  keywordWeight?: number;
  /** Weight of the vector list in the fusion (default 1 for a semantic embedder, 0.01 for a lexical one). */
  vectorWeight?: number;
  /**
   * Search the vector index even when the embedder is lexical and the keyword list is long enough (default false).
   * At the lexical weight its ranks move a passage only below the 17th keyword rank (1/(60+r) − 1/(61+r) exceeds
   * 0.01/61 above it), so the top passages are the keyword ones: on CMRC 2018 the same hit@1, hit@5 and MRR without it.
   */
  alwaysSearchVectors?: boolean;
  /**
   * What a preferred article's passage's fused score is multiplied by (`SearchOptions.preferArticleIds`; default 1.25).
   * Set by hand, not fitted: at 1.25 a preferred passage at keyword rank r passes one at rank 1 while
   * 1.25 / (60 + r) > 1 / 61, that is up to rank 16, so a follow-up finds its story first among close
   * candidates, while a story the question plainly is not about (absent from the candidates) stays out.
   */
  preferenceBoost?: number;
}

/**
 * Fusion weights measured on CMRC 2018 (3,219 questions, hit@1): keywords alone 0.985; with the
 * lexical hash embedder at weight 1 only 0.875 (its vectors are a blurred copy of the keyword
 * signal), at 0.01 0.985 again. A semantic model adds what keywords miss, so it gets weight 1.
 */
export const RETRIEVAL_DEFAULTS = {
  k: 5,
  perArticle: 2,
  candidates: 50,
  keywordWeight: 1,
  semanticVectorWeight: 1,
  lexicalVectorWeight: 0.01,
  preferenceBoost: 1.25,
} as const;

/**
 * Keyword (BM25) and vector (HNSW) search fused by reciprocal rank, with per-article diversity. With a lexical
 * embedder the vector leg runs only when the keywords find fewer than `k` passages: there its vectors can still
 * add a passage, elsewhere they cannot change the top of the list. A search may keep to some articles
 * (`articleIds`) or favour some (`preferArticleIds`: their fused scores raised, nothing left out).
 */
export class HybridRetriever implements Retriever {
  constructor(private readonly options: HybridRetrieverOptions) {}

  async search(query: string, options: SearchOptions = {}): Promise<Passage[]> {
    const k = options.k ?? RETRIEVAL_DEFAULTS.k;
    const perArticle = options.perArticle ?? RETRIEVAL_DEFAULTS.perArticle;
    const candidates = Math.max(this.options.candidates ?? RETRIEVAL_DEFAULTS.candidates, k * 4);
    const { store, embedder } = this.options;
    const trace = options.trace;
    if (query.trim().length === 0) return [];

    // Restricted to some articles, their chunks are all the candidates there are: fetched first, whatever they rank.
    const scoped = options.articleIds ? this.articleChunks(options.articleIds) : null;
    if (scoped && scoped.size === 0) return [];
    const allKeywordHits = store.keywordSearch(query, candidates, options.range, trace);
    const keywordHits = scoped ? allKeywordHits.filter((hit) => scoped.has(hit.id)) : allKeywordHits;
    const vectorsNeeded = embedder.semantic || this.options.alwaysSearchVectors === true || keywordHits.length < k;
    const vectorHits = vectorsNeeded ? await this.vectorSearch(query, options.range || scoped ? candidates * 4 : candidates, trace) : [];

    // A preferred article's chunk may rank below the first pages and still pass the ones above once boosted: all are fetched.
    const wholeList = (options.preferArticleIds?.length ?? 0) > 0;
    const chunks = scoped ?? traced(trace, 'fetch chunks', () => this.fetchChunks(keywordHits, vectorHits, { k, perArticle, wholeList }));
    const passages = traced(trace, 'fuse', () => this.fuse(keywordHits, vectorHits, chunks, { k, perArticle, candidates, options }));
    return scoped ? withUnranked(passages, scoped, { k, perArticle, range: options.range }) : passages;
  }

  /** Every chunk of the given articles, by id. */
  private articleChunks(articleIds: readonly string[]): Map<number, StoredChunk> {
    const chunks = new Map<number, StoredChunk>();
    for (const articleId of new Set(articleIds)) for (const chunk of this.options.store.articleChunks(articleId)) chunks.set(chunk.id, chunk);
    return chunks;
  }

  private async vectorSearch(query: string, limit: number, trace: StageTrace | undefined): Promise<VectorHit[]> {
    const { index, embedder } = this.options;
    // A restarted worker answers from keywords while its vectors are still being read, rather than wait seconds.
    if (index.loadingInBackground?.() === true || index.count() === 0) return [];
    const [queryVector] = await tracedAsync(trace, 'embed query', () => embedder.embed([query], 'query'));
    return queryVector ? traced(trace, 'vector search', () => index.search(queryVector, limit)) : [];
  }

  /**
   * The chunks fusion can reach. Keyword hits alone arrive ranked and already in the date range, and fusion takes the
   * first k passages of their order that fit the per-article limit: they are fetched in rank order, each time as many
   * more as passages are still missing (a chunk adds at most one), until k fit. Vector hits need every date, and a
   * preference (`wholeList`) every rank.
   */
  private fetchChunks(
    keywordHits: readonly KeywordHit[],
    vectorHits: readonly VectorHit[],
    limits: { k: number; perArticle: number; wholeList: boolean },
  ): Map<number, StoredChunk> {
    const { store } = this.options;
    const { k, perArticle } = limits;
    if (vectorHits.length > 0 || limits.wholeList) {
      const ids = new Set([...keywordHits.map((hit) => hit.id), ...vectorHits.map((hit) => hit.id)]);
      return new Map(store.getChunks([...ids]).map((chunk) => [chunk.id, chunk]));
    }
    const chunks = new Map<number, StoredChunk>();
    let fetched = 0;
    while (fetched < keywordHits.length) {
      const missing = k - passagesWithin(chunks, perArticle);
      if (missing <= 0) break;
      for (const chunk of store.getChunks(keywordHits.slice(fetched, fetched + missing).map((hit) => hit.id))) chunks.set(chunk.id, chunk);
      fetched += missing;
    }
    return chunks;
  }

  private fuse(
    keywordHits: readonly KeywordHit[],
    vectorHits: readonly VectorHit[],
    chunks: ReadonlyMap<number, StoredChunk>,
    settings: { k: number; perArticle: number; candidates: number; options: SearchOptions },
  ): Passage[] {
    const { k, perArticle, candidates, options } = settings;
    const inRange = (id: number): boolean => {
      const chunk = chunks.get(id);
      if (!chunk) return false;
      if (!options.range) return true;
      if (!chunk.date) return false;
      return (!options.range.from || chunk.date >= options.range.from) && (!options.range.to || chunk.date <= options.range.to);
    };
    const keywordIds = keywordHits.map((hit) => hit.id).filter(inRange);
    const vectorIds = vectorHits
      .map((hit) => hit.id)
      .filter(inRange)
      .slice(0, candidates);
    const fused = reciprocalRankFusion([
      { ids: keywordIds, weight: this.options.keywordWeight ?? RETRIEVAL_DEFAULTS.keywordWeight },
      {
        ids: vectorIds,
        weight: this.options.vectorWeight ?? (this.options.embedder.semantic ? RETRIEVAL_DEFAULTS.semanticVectorWeight : RETRIEVAL_DEFAULTS.lexicalVectorWeight),
      },
    ]);

    const bm25 = new Map(keywordHits.map((hit) => [hit.id, hit.score]));
    const similarity = new Map(vectorHits.map((hit) => [hit.id, hit.similarity]));
    const keywordRank = new Map(keywordIds.map((id, position) => [id, position + 1]));
    const vectorRank = new Map(vectorIds.map((id, position) => [id, position + 1]));
    const preferred = new Set(options.preferArticleIds ?? []);
    const boost = this.options.preferenceBoost ?? RETRIEVAL_DEFAULTS.preferenceBoost;
    if (preferred.size > 0) {
      for (const [id, score] of fused) if (preferred.has(chunks.get(id)?.articleId ?? '')) fused.set(id, score * boost);
    }
    const ranked = [...fused.entries()].sort((left, right) => right[1] - left[1] || left[0] - right[0]);

    const perArticleCount = new Map<string, number>();
    const passages: Passage[] = [];
    for (const [id, score] of ranked) {
      const chunk = chunks.get(id);
      if (!chunk) continue;
      const taken = perArticleCount.get(chunk.articleId) ?? 0;
      if (taken >= perArticle) continue;
      perArticleCount.set(chunk.articleId, taken + 1);
      passages.push({
        ...chunk,
        score,
        keywordRank: keywordRank.get(id) ?? null,
        vectorRank: vectorRank.get(id) ?? null,
        similarity: similarity.get(id) ?? null,
        bm25: bm25.get(id) ?? null,
      });
      if (passages.length >= k) break;
    }
    return passages;
  }
}

/** How many of `chunks` the per-article limit lets through. */
function passagesWithin(chunks: ReadonlyMap<number, StoredChunk>, perArticle: number): number {
  const perArticleCount = new Map<string, number>();
  let usable = 0;
  for (const chunk of chunks.values()) {
    const taken = perArticleCount.get(chunk.articleId) ?? 0;
    if (taken >= perArticle) continue;
    perArticleCount.set(chunk.articleId, taken + 1);
    usable += 1;
  }
  return usable;
}

/**
 * Tops restricted results up with the articles' chunks that neither list ranked, in article order and scored 0:
 * asked about one story, the reader gets its passages even when the question's words rank it low.
 */
function withUnranked(passages: readonly Passage[], scoped: ReadonlyMap<number, StoredChunk>, limits: { k: number; perArticle: number; range: SearchOptions['range'] }): Passage[] {
  const { k, perArticle, range } = limits;
  const result = [...passages];
  const taken = new Map<string, number>();
  for (const passage of passages) taken.set(passage.articleId, (taken.get(passage.articleId) ?? 0) + 1);
  const ranked = new Set(passages.map((passage) => passage.id));
  for (const chunk of [...scoped.values()].sort((left, right) => left.ordinal - right.ordinal)) {
    if (result.length >= k) break;
    if (ranked.has(chunk.id) || (taken.get(chunk.articleId) ?? 0) >= perArticle) continue;
    if (range && (!chunk.date || (range.from && chunk.date < range.from) || (range.to && chunk.date > range.to))) continue;
    taken.set(chunk.articleId, (taken.get(chunk.articleId) ?? 0) + 1);
    result.push({ ...chunk, score: 0, keywordRank: null, vectorRank: null, similarity: null, bm25: null });
  }
  return result;
}
