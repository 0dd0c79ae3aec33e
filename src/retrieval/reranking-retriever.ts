import type { Reranker } from '../embedding/reranker.js';
import { tracedAsync } from '../log/stage-trace.js';
import { RETRIEVAL_DEFAULTS } from './hybrid-retriever.js';
import type { Passage, Retriever, SearchOptions } from './passage.js';

export interface RerankingRetrieverOptions {
  /** The retriever whose passages are reordered (the hybrid one). */
  inner: Retriever;
  reranker: Reranker;
  /** How many of the inner retriever's passages the reranker reads (RERANK_PASSAGES). Default `RERANKING_RETRIEVER_DEFAULTS.passages`. */
  passages?: number;
}

export const RERANKING_RETRIEVER_DEFAULTS = {
  /**
   * 20, chosen by hand, not measured: over twice the 8 passages the answer step reads, so the
   * cross-encoder can lift one from well below them, while its cost (a pair of up to the model's
   * token limit per passage) stays bounded.
   */
  passages: 20,
} as const;

/** The `StageTrace` stage the cross-encoder's time is added to (`newsbot bench`). */
export const RERANK_STAGE = 'rerank';

/**
 * A `Retriever` that asks `inner` for at least `passages` passages, has the cross-encoder read each
 * with the question, and returns the `k` best by its score, recorded as `rerankScore`. When more
 * than `passages` are asked for, the rest follow in the inner order, unscored. The inner list
 * already keeps the per-article limit, so any part of it does too. A reranker failure is the
 * search's failure: reordering silently by another measure would hide a broken model.
 */
export class RerankingRetriever implements Retriever {
  private readonly passages: number;

  constructor(private readonly options: RerankingRetrieverOptions) {
    this.passages = options.passages ?? RERANKING_RETRIEVER_DEFAULTS.passages;
  }

  async search(query: string, options: SearchOptions = {}): Promise<Passage[]> {
    const k = options.k ?? RETRIEVAL_DEFAULTS.k;
    const candidates = await this.options.inner.search(query, { ...options, k: Math.max(k, this.passages) });
    const read = candidates.slice(0, this.passages);
    const scores = await tracedAsync(options.trace, RERANK_STAGE, () => this.score(query, read));
    const reranked = read.map((passage, position) => ({ ...passage, rerankScore: scores[position] ?? null }));
    // Array.prototype.sort is stable: equal scores keep the inner order.
    reranked.sort((left, right) => (right.rerankScore ?? Number.NEGATIVE_INFINITY) - (left.rerankScore ?? Number.NEGATIVE_INFINITY));
    const unread = candidates.slice(this.passages).map((passage) => ({ ...passage, rerankScore: null }));
    return [...reranked, ...unread].slice(0, k);
  }

  /** The cross-encoder's scores in batches of its `maxBatchSize`, over what the embedder reads of a chunk too: heading, then text. */
  private async score(query: string, passages: readonly Passage[]): Promise<number[]> {
    const { reranker } = this.options;
    const texts = passages.map((passage) => `${passage.heading}\n${passage.text}`);
    const scores: number[] = [];
    for (let start = 0; start < texts.length; start += reranker.maxBatchSize) {
      scores.push(...(await reranker.score(query, texts.slice(start, start + reranker.maxBatchSize))));
    }
    if (scores.length !== texts.length) throw new Error(`reranker "${reranker.id}" returned ${scores.length} scores for ${texts.length} passages`);
    return scores;
  }
}
