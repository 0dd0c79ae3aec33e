import { describe, expect, it } from 'vitest';
import { HybridRetriever } from '../../src/retrieval/hybrid-retriever.js';
import type { ArticleStore, KeywordHit, StoredChunk } from '../../src/store/article-store.js';
import type { VectorHit, VectorIndex } from '../../src/store/vector-index.js';
import type { EmbedKind, Embedder } from '../../src/embedding/embedder.js';

/** Chunk `id` belongs to article `a<id>` unless `articleOf` says otherwise. */
function chunk(id: number, articleOf: (id: number) => string = (value) => `a${value}`): StoredChunk {
  return { id, articleId: articleOf(id), ordinal: 0, text: `chunk ${id}`, heading: '', title: `title ${id}`, subtitle: null, date: '2026-05-01', url: null, source: 'test' };
}

function fakes(options: { keyword: number[]; vector: number[]; semantic: boolean; loading?: boolean; articleOf?: (id: number) => string }) {
  const fetched: number[][] = [];
  const embedded: EmbedKind[] = [];
  const store = {
    keywordSearch: (): KeywordHit[] => options.keyword.map((id, position) => ({ id, score: 10 - position })),
    getChunks: (ids: number[]) => {
      fetched.push([...ids]);
      return ids.map((id) => chunk(id, options.articleOf));
    },
    // Chunks 1–99 exist; an article's chunks are those `articleOf` gives it, numbered in order.
    articleChunks: (articleId: string) =>
      Array.from({ length: 99 }, (_, index) => chunk(index + 1, options.articleOf))
        .filter((candidate) => candidate.articleId === articleId)
        .map((candidate, ordinal) => ({ ...candidate, ordinal })),
  } as unknown as ArticleStore;
  const index: VectorIndex = {
    dimensions: 2,
    count: () => options.vector.length,
    ids: () => options.vector,
    add: () => {},
    remove: () => {},
    save: () => {},
    search: (): VectorHit[] => options.vector.map((id, position) => ({ id, similarity: 0.9 - position / 100 })),
    loadingInBackground: () => options.loading ?? false,
  };
  const embedder: Embedder = {
    id: 'fake',
    dimensions: 2,
    maxBatchSize: 8,
    maxInputChars: 100,
    maxConcurrency: 1,
    semantic: options.semantic,
    embed: async (texts: string[], kind: EmbedKind) => {
      embedded.push(kind);
      return texts.map(() => Float32Array.from([1, 0]));
    },
  };
  return { retriever: new HybridRetriever({ store, index, embedder }), fetched, embedded };
}

describe('HybridRetriever', () => {
  it('does not search the vectors of a lexical embedder when the keywords fill the list', async () => {
    const { retriever, embedded } = fakes({ keyword: [1, 2, 3, 4, 5, 6], vector: [9, 8], semantic: false });
    const passages = await retriever.search('question', { k: 5 });
    expect(passages.map((passage) => passage.id)).toEqual([1, 2, 3, 4, 5]);
    expect(embedded).toEqual([]);
    expect(passages.every((passage) => passage.vectorRank === null)).toBe(true);
  });

  it('adds lexical vector hits when the keywords find fewer than k passages', async () => {
    const { retriever, embedded } = fakes({ keyword: [1, 2], vector: [9, 1], semantic: false });
    const passages = await retriever.search('question', { k: 5 });
    expect(embedded).toEqual(['query']);
    expect(passages.map((passage) => passage.id)).toEqual([1, 2, 9]);
    expect(passages[0]?.vectorRank).toBe(2);
  });

  it('always searches both lists with a semantic embedder', async () => {
    const { retriever, embedded } = fakes({ keyword: [1, 2, 3, 4, 5, 6], vector: [9, 8], semantic: true });
    const passages = await retriever.search('question', { k: 5 });
    expect(embedded).toEqual(['query']);
    expect(passages.map((passage) => passage.id)).toContain(9);
  });

  it('answers from keywords alone while the vectors are still being read', async () => {
    const { retriever, embedded } = fakes({ keyword: [1, 2, 3], vector: [9, 8], semantic: true, loading: true });
    const passages = await retriever.search('question', { k: 5 });
    expect(embedded).toEqual([]);
    expect(passages.map((passage) => passage.id)).toEqual([1, 2, 3]);
  });

  it('fetches keyword chunks in rank order, only as many as passages are still missing', async () => {
    const spread = fakes({ keyword: Array.from({ length: 50 }, (_, index) => index + 1), vector: [], semantic: false });
    await spread.retriever.search('question', { k: 5, perArticle: 2 });
    expect(spread.fetched).toEqual([[1, 2, 3, 4, 5]]);

    // Ten chunks of one article, then others: the first five give two passages, and each further fetch what is missing.
    const crowded = fakes({ keyword: Array.from({ length: 50 }, (_, index) => index + 1), vector: [], semantic: false, articleOf: (id) => (id <= 10 ? 'same' : `a${id}`) });
    const passages = await crowded.retriever.search('question', { k: 5, perArticle: 2 });
    expect(crowded.fetched).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8],
      [9, 10, 11],
      [12, 13],
    ]);
    expect(passages.map((passage) => passage.id)).toEqual([1, 2, 11, 12, 13]);
  });

  it('takes the first k passages of the keyword order that fit the per-article limit, fetching no further', async () => {
    // Five chunks per article: three of each of the first articles fit.
    const crowded = fakes({ keyword: Array.from({ length: 40 }, (_, index) => index + 1), vector: [], semantic: false, articleOf: (id) => `a${Math.ceil(id / 5)}` });
    const passages = await crowded.retriever.search('question', { k: 8, perArticle: 3 });
    expect(passages.map((passage) => passage.id)).toEqual([1, 2, 3, 6, 7, 8, 11, 12]);
    expect(crowded.fetched).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8],
      [9, 10],
      [11, 12],
    ]);
  });

  it('keeps to the given articles, topped up with their chunks that no list ranked', async () => {
    const { retriever } = fakes({ keyword: [1, 2, 3, 4, 5, 6], vector: [], semantic: false, articleOf: (id) => (id === 4 || id === 30 ? 'story' : `a${id}`) });
    const passages = await retriever.search('question', { k: 5, articleIds: ['story'] });
    expect(passages.map((passage) => [passage.id, passage.keywordRank])).toEqual([
      [4, 1],
      [30, null],
    ]);
    expect(await retriever.search('question', { articleIds: ['nowhere'] })).toEqual([]);
  });

  it('favours the preferred articles in fusion without leaving the others out', async () => {
    const keyword = Array.from({ length: 30 }, (_, index) => index + 1);
    // Chunk 10 is the previous answer's article: tenth by keywords, first with the preference.
    const near = fakes({ keyword, vector: [], semantic: false });
    expect((await near.retriever.search('question', { k: 3 })).map((passage) => passage.id)).toEqual([1, 2, 3]);
    expect((await near.retriever.search('question', { k: 3, preferArticleIds: ['a10'] })).map((passage) => passage.id)).toEqual([10, 1, 2]);
    // A boost, not a filter: a preferred passage far down the list (rank 25) stays behind the best ones.
    const far = await near.retriever.search('question', { k: 3, preferArticleIds: ['a25'] });
    expect(far.map((passage) => passage.id)).toEqual([1, 2, 3]);
  });
});
