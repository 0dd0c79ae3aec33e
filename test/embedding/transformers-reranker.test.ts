import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransformersReranker, type TransformersRerankerOptions } from '../../src/embedding/transformers-reranker.js';
import { createLoadedReranker, createReranker } from '../../src/embedding/create-reranker.js';
import { ModelUnavailableError } from '../../src/embedding/model-unavailable-error.js';
import { ModelFileMissingError } from '../../src/embedding/model-file-missing-error.js';
import { embeddingConfig } from './embedding-fixtures.js';
import { serveModelFiles } from './support/serve-model-files.js';
import { listFiles, TINY_CHARACTERS, TINY_RERANKER_ID, tinyRerankerCache, type TinyModelCache } from './support/tiny-model-cache.js';
import { TINY_QUANTIZED_SCALE, tinyCrossEncoderScore } from './support/write-tiny-cross-encoder.js';

const QUESTION = '株洲湘江风光带游客量？';
const PASSAGES = [
  '今年春节假期，湘江风光带游客量创新高，夜游项目受到欢迎。',
  '株洲市今年一季度地区生产总值同比增长5.8%。',
  '中车株洲所正在向千亿规模企业迈进。',
  'railway 2025',
  '株洲湘江风光带游客量创新高？',
];

function tinyReranker(cache: TinyModelCache, options: Partial<TransformersRerankerOptions> = {}): TransformersReranker {
  return new TransformersReranker({ model: TINY_RERANKER_ID, cacheDir: cache.cacheDir, downloadTimeoutMs: 2000, offline: true, ...options });
}

/** The scores worked out without the model (`tinyCrossEncoderScore`), times `scale`. */
function expectedScores(query: string, passages: readonly string[], scale = 1): number[] {
  return passages.map((passage) => tinyCrossEncoderScore(TINY_CHARACTERS, query, passage) * scale);
}

function expectCloseTo(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  for (const [index, value] of actual.entries()) expect(value).toBeCloseTo(expected[index]!, 5);
}

// The real transformers.js and onnxruntime-node, on a tiny generated cross-encoder; nothing leaves the machine.
describe('TransformersReranker on a tiny local cross-encoder', () => {
  let cache: TinyModelCache;
  let reranker: TransformersReranker;
  beforeAll(async () => {
    cache = tinyRerankerCache();
    reranker = tinyReranker(cache);
    await reranker.load();
  });
  afterAll(() => cache.cleanup());

  it('scores each passage by the question tokens it holds, as the model computes them', async () => {
    const expected = expectedScores(QUESTION, PASSAGES, TINY_QUANTIZED_SCALE);
    // The worked-out scores differ from passage to passage, so the check can tell them apart.
    expect(new Set(expected).size).toBeGreaterThanOrEqual(4);
    expectCloseTo(await reranker.score(QUESTION, PASSAGES), expected);
  });

  it('prefers quantized weights when the cache has both, as its id says; full precision on request', async () => {
    expect(reranker.id).toBe(`${TINY_RERANKER_ID}@main:quantized`);
    const full = tinyReranker(cache, { precision: 'full' });
    expect(full.id).toBe(`${TINY_RERANKER_ID}@main:full`);
    expectCloseTo(await full.score(QUESTION, PASSAGES), expectedScores(QUESTION, PASSAGES));
  });

  it('gives passages padded together in one model call the scores they get one a call (padding changes nothing)', async () => {
    expect(reranker.textsPerCall).toBe(1);
    const together = tinyReranker(cache, { textsPerCall: PASSAGES.length });
    const padded = await together.score(QUESTION, PASSAGES);
    const oneByOne = await reranker.score(QUESTION, PASSAGES);
    expect(padded).toHaveLength(PASSAGES.length);
    expectCloseTo(padded, oneByOne);
  });

  it('takes at most maxBatchSize passages a call, and none at all without running the model', async () => {
    const small = tinyReranker(cache, { batchSize: 2 });
    expect(small.maxBatchSize).toBe(2);
    await expect(small.score(QUESTION, PASSAGES.slice(0, 3))).rejects.toThrow(RangeError);
    expect(await small.score(QUESTION, [])).toEqual([]);
  });

  it('rejects with the signal’s reason when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('reader left'));
    await expect(reranker.score(QUESTION, PASSAGES, { signal: controller.signal })).rejects.toThrow('reader left');
  });
});

describe('TransformersReranker on other model shapes', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('scores a two-class model by its positive class’s log-odds (logit 1 − logit 0)', async () => {
    const cache = tinyRerankerCache({ labels: 2, weights: ['full'] });
    cleanups.push(cache.cleanup);
    // The model's logits are [−overlap, +overlap]: the positive class alone would give overlap, the first one −overlap.
    expectCloseTo(await tinyReranker(cache).score(QUESTION, PASSAGES), expectedScores(QUESTION, PASSAGES, 2));
  });

  it('refuses at load a model whose output is not one or two classes, saying so', async () => {
    const cache = tinyRerankerCache({ labels: 3 });
    cleanups.push(cache.cleanup);
    const error = await tinyReranker(cache)
      .load()
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).role).toBe('reranking');
    expect((error as Error).message).toContain(`could not load reranking model "${TINY_RERANKER_ID}"`);
    expect((error as Error).message).toContain('[1, 3]');
    expect((error as Error).message).toContain('unset RERANK_MODEL');
  });

  it('cuts a long pair in the passage, keeping the whole question', async () => {
    // 16 tokens: [CLS] + 4 question tokens + [SEP] + 9 passage tokens + [SEP].
    const cut = tinyRerankerCache({ modelMaxLength: 16, weights: ['full'] });
    const uncut = tinyRerankerCache({ weights: ['full'] });
    cleanups.push(cut.cleanup, uncut.cleanup);
    const question = '湘江夜游';
    const filler = '株洲市一季度地区生产';
    expect(Array.from(filler)).toHaveLength(10);
    const passages = [`湘江夜游${filler}`, `${filler}湘江夜游`];
    expectCloseTo(await tinyReranker(uncut).score(question, passages), [4, 4]);
    // Cut after the ninth passage token: the question's tokens at the end of the second passage are gone.
    expectCloseTo(await tinyReranker(cut).score(question, passages), [4, 0]);
    // The question itself is whole: each of its tokens still counts.
    expectCloseTo(await tinyReranker(cut).score(question, ['游夜江湘']), [4]);
  });
});

describe('loading the reranker as the embedder is loaded', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('is off without RERANK_MODEL', async () => {
    const { config, cleanup } = embeddingConfig('hash');
    cleanups.push(cleanup);
    expect(config.rerank).toBeNull();
    expect(createReranker(config)).toBeNull();
    expect(await createLoadedReranker(config)).toBeNull();
  });

  it('offline, fails at start naming the missing file and HF_HUB_OFFLINE, asking nothing of the mirror', async () => {
    const source = tinyRerankerCache();
    cleanups.push(source.cleanup);
    fs.rmSync(path.join(source.modelDir, 'tokenizer.json'));
    const server = await serveModelFiles(source.cacheDir);
    cleanups.push(server.close);
    const { config, cleanup } = embeddingConfig('hash', { RERANK_MODEL: TINY_RERANKER_ID, MODEL_CACHE_DIR: source.cacheDir, HF_HUB_OFFLINE: '1', HF_ENDPOINT: server.endpoint });
    cleanups.push(cleanup);
    const error = await createLoadedReranker(config).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).cause).toBeInstanceOf(ModelFileMissingError);
    expect((error as Error).message).toContain(`could not load reranking model "${TINY_RERANKER_ID}"`);
    expect((error as Error).message).toContain(path.join(source.modelDir, 'tokenizer.json'));
    expect((error as Error).message).toContain('HF_HUB_OFFLINE=1');
    expect((error as Error).message).toContain('unset RERANK_MODEL');
    expect(server.requests).toEqual([]);
  });

  it('downloads a named revision from HF_ENDPOINT into the model cache: the common files, quantized weights, nothing else', async () => {
    const source = tinyRerankerCache();
    cleanups.push(source.cleanup);
    const server = await serveModelFiles(source.cacheDir);
    cleanups.push(server.close);
    const { config, cleanup } = embeddingConfig('hash', { RERANK_MODEL: TINY_RERANKER_ID, RERANK_REVISION: 'v2', HF_ENDPOINT: server.endpoint, MODEL_DOWNLOAD_TIMEOUT_MS: '3000' });
    cleanups.push(cleanup);
    const reranker = await createLoadedReranker(config);
    expect(reranker?.id).toBe(`${TINY_RERANKER_ID}@v2:quantized`);
    expect(reranker?.modelDir).toBe(path.join(config.modelCacheDir, TINY_RERANKER_ID, 'v2'));
    expect(listFiles(reranker!.modelDir)).toEqual(['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    // No sentence-transformers settings are asked for: a cross-encoder has none.
    expect(server.requests).toEqual(
      ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'].map((file) => `/${TINY_RERANKER_ID}/resolve/v2/${file}`),
    );
    expectCloseTo(await reranker!.score(QUESTION, PASSAGES), expectedScores(QUESTION, PASSAGES, TINY_QUANTIZED_SCALE));
  });

  it('names RERANK_MODEL and RERANK_REVISION when the hub has no such model', async () => {
    const source = tinyRerankerCache();
    cleanups.push(source.cleanup);
    const server = await serveModelFiles(source.cacheDir);
    cleanups.push(server.close);
    const { config, cleanup } = embeddingConfig('hash', { RERANK_MODEL: 'newsbot-test/no-such-reranker', HF_ENDPOINT: server.endpoint, MODEL_DOWNLOAD_TIMEOUT_MS: '3000' });
    cleanups.push(cleanup);
    const error = await createLoadedReranker(config).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect(error?.message).toContain(`${server.endpoint}/newsbot-test/no-such-reranker/resolve/main/config.json`);
    expect(error?.message).toContain('check RERANK_MODEL, RERANK_REVISION and HF_ENDPOINT');
  });
});
