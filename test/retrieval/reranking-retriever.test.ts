import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RerankingRetriever, RERANK_STAGE, RERANKING_RETRIEVER_DEFAULTS } from '../../src/retrieval/reranking-retriever.js';
import { RETRIEVAL_DEFAULTS } from '../../src/retrieval/hybrid-retriever.js';
import type { Passage, Retriever, SearchOptions } from '../../src/retrieval/passage.js';
import type { RerankOptions, Reranker } from '../../src/embedding/reranker.js';
import { TransformersReranker } from '../../src/embedding/transformers-reranker.js';
import type { StageTrace } from '../../src/log/stage-trace.js';
import { TINY_CHARACTERS, TINY_RERANKER_ID, tinyRerankerCache, type TinyModelCache } from '../embedding/support/tiny-model-cache.js';
import { TINY_QUANTIZED_SCALE, tinyCrossEncoderScore } from '../embedding/support/write-tiny-cross-encoder.js';

const QUESTION = '湘江风光带夜游游客量？';

/** Passages in the inner (fused) order, which is not the cross-encoder's. */
const TEXTS = [
  '株洲市今年一季度地区生产总值同比增长5.8%。',
  '中车株洲所正在向千亿规模企业迈进。',
  '今年春节假期，湘江风光带游客量创新高，夜游项目受到欢迎。',
  '湘江两岸的风光带步道全线贯通。',
  '夜游项目受到欢迎。',
  '株洲位列小巨人城市榜单第43位。',
  '游客量创新高，湘江风光带夜游火爆？',
];

function passage(id: number, text: string): Passage {
  return {
    id,
    articleId: `a${id}`,
    ordinal: 0,
    heading: `标题${id}`,
    text,
    title: `标题${id}`,
    subtitle: null,
    date: '2026-05-01',
    url: null,
    source: 'test',
    score: 1 / (60 + id),
    keywordRank: id,
    vectorRank: null,
    similarity: null,
    bm25: 10 - id,
  };
}

/** A retriever returning the first `k` of `TEXTS` as passages 1, 2, …, recording what it was asked. */
function innerRetriever(): Retriever & { calls: SearchOptions[] } {
  const calls: SearchOptions[] = [];
  return {
    calls,
    search: async (_query, options = {}) => {
      calls.push(options);
      return TEXTS.slice(0, options.k ?? RETRIEVAL_DEFAULTS.k).map((text, position) => passage(position + 1, text));
    },
  };
}

/** What the tiny model gives each passage (quantized weights), worked out without it, over heading and text as the retriever sends them. */
function expectedScore(item: Passage): number {
  return tinyCrossEncoderScore(TINY_CHARACTERS, QUESTION, `${item.heading}\n${item.text}`) * TINY_QUANTIZED_SCALE;
}

/** Passage ids by expected score, best first, ties in the inner order. */
function expectedOrder(passages: readonly Passage[]): number[] {
  return [...passages].sort((left, right) => expectedScore(right) - expectedScore(left)).map((item) => item.id);
}

// The real decorator over the real transformers.js adapter, on the generated cross-encoder.
describe('RerankingRetriever with the tiny cross-encoder', () => {
  let cache: TinyModelCache;
  let reranker: TransformersReranker;
  beforeAll(async () => {
    cache = tinyRerankerCache();
    reranker = new TransformersReranker({ model: TINY_RERANKER_ID, cacheDir: cache.cacheDir, downloadTimeoutMs: 2000, offline: true });
    await reranker.load();
  });
  afterAll(() => cache.cleanup());

  it('returns the k passages the model scores highest, best first, each with its score', async () => {
    const inner = innerRetriever();
    const retriever = new RerankingRetriever({ inner, reranker, passages: 7 });
    const result = await retriever.search(QUESTION, { k: 3 });
    const all = TEXTS.map((text, position) => passage(position + 1, text));
    // The model's order is not the inner one, and its best passages are not the inner first three.
    expect(expectedOrder(all).slice(0, 3)).toEqual([7, 3, 4]);
    expect(result.map((item) => item.id)).toEqual([7, 3, 4]);
    for (const item of result) expect(item.rerankScore).toBeCloseTo(expectedScore(item), 5);
    // Everything else about a passage is the inner retriever's.
    expect(result[0]).toMatchObject({ ...passage(7, TEXTS[6]!), rerankScore: expect.any(Number) });
  });

  it('asks the inner retriever for RERANK_PASSAGES passages, passing the other options on', async () => {
    const inner = innerRetriever();
    const stages: string[] = [];
    const trace: StageTrace = { add: (stage) => stages.push(stage) };
    const range = { from: '2026-01-01' };
    await new RerankingRetriever({ inner, reranker, passages: 6 }).search(QUESTION, { k: 2, perArticle: 1, range, trace });
    expect(inner.calls).toEqual([{ k: 6, perArticle: 1, range, trace }]);
    expect(stages).toEqual([RERANK_STAGE]);
    // Without k: the retrieval default (5) returned, RERANKING_RETRIEVER_DEFAULTS.passages read.
    const defaults = innerRetriever();
    expect(await new RerankingRetriever({ inner: defaults, reranker }).search(QUESTION)).toHaveLength(RETRIEVAL_DEFAULTS.k);
    expect(defaults.calls[0]?.k).toBe(RERANKING_RETRIEVER_DEFAULTS.passages);
  });

  it('reads only the first RERANK_PASSAGES: the rest follow in the inner order, unscored', async () => {
    const inner = innerRetriever();
    const result = await new RerankingRetriever({ inner, reranker, passages: 4 }).search(QUESTION, { k: 7 });
    expect(inner.calls[0]?.k).toBe(7);
    const read = TEXTS.slice(0, 4).map((text, position) => passage(position + 1, text));
    expect(result.map((item) => item.id)).toEqual([...expectedOrder(read), 5, 6, 7]);
    expect(result.slice(4).map((item) => item.rerankScore)).toEqual([null, null, null]);
    expect(result.slice(0, 4).every((item) => typeof item.rerankScore === 'number')).toBe(true);
  });

  it('sends the reranker at most its maxBatchSize passages a call, with the scores put back in place', async () => {
    const small = new TransformersReranker({ model: TINY_RERANKER_ID, cacheDir: cache.cacheDir, downloadTimeoutMs: 2000, offline: true, batchSize: 2 });
    const batches: number[] = [];
    const recording: Reranker = {
      id: 'recording',
      maxBatchSize: small.maxBatchSize,
      score: (query: string, texts: readonly string[], options?: RerankOptions) => {
        batches.push(texts.length);
        return small.score(query, texts, options);
      },
    };
    const batched = await new RerankingRetriever({ inner: innerRetriever(), reranker: recording, passages: 7 }).search(QUESTION, { k: 7 });
    const whole = await new RerankingRetriever({ inner: innerRetriever(), reranker, passages: 7 }).search(QUESTION, { k: 7 });
    expect(batches).toEqual([2, 2, 2, 1]);
    expect(batched.map((item) => [item.id, item.rerankScore])).toEqual(whole.map((item) => [item.id, item.rerankScore]));
  });
});

describe('RerankingRetriever failures', () => {
  it('fails the search when the reranker fails, rather than fall back to the inner order', async () => {
    const broken: Reranker = { id: 'broken', maxBatchSize: 8, score: async () => Promise.reject(new Error('the model went away')) };
    await expect(new RerankingRetriever({ inner: innerRetriever(), reranker: broken }).search(QUESTION)).rejects.toThrow('the model went away');
  });

  it('refuses a reranker that returns fewer scores than passages', async () => {
    const short: Reranker = { id: 'short', maxBatchSize: 8, score: async (_query, texts) => texts.slice(1).map(() => 1) };
    await expect(new RerankingRetriever({ inner: innerRetriever(), reranker: short, passages: 5 }).search(QUESTION)).rejects.toThrow(
      'reranker "short" returned 4 scores for 5 passages',
    );
  });
});
