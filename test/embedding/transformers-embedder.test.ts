import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TransformersEmbedder, type TransformersEmbedderOptions } from '../../src/embedding/transformers-embedder.js';
import { ModelUnavailableError } from '../../src/embedding/model-unavailable-error.js';
import { ModelFileMissingError } from '../../src/embedding/model-file-missing-error.js';
import { createLoadedEmbedder } from '../../src/embedding/create-embedder.js';
import { DEFAULT_MODEL_PROFILE } from '../../src/embedding/model-profiles.js';
import { embeddingConfig } from './embedding-fixtures.js';
import { serveModelFiles } from './support/serve-model-files.js';
import { listFiles, tinyModelCache, TINY_MODEL_ID, TINY_QUERY_PROMPT, type TinyModelCache } from './support/tiny-model-cache.js';

function cosine(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += left[index]! * right[index]!;
  return sum;
}

function expectSameVector(actual: Float32Array | undefined, expected: Float32Array | undefined): void {
  expect(actual).toBeDefined();
  expect(actual).toHaveLength(expected!.length);
  for (const [index, value] of actual!.entries()) expect(value).toBeCloseTo(expected![index]!, 5);
}

function tinyEmbedder(cache: TinyModelCache, options: Partial<TransformersEmbedderOptions> = {}): TransformersEmbedder {
  return new TransformersEmbedder({ model: TINY_MODEL_ID, cacheDir: cache.cacheDir, downloadTimeoutMs: 2000, offline: true, ...options });
}

// The real transformers.js and onnxruntime-node, on a tiny generated model; nothing leaves the machine.
describe('TransformersEmbedder on a tiny local model', () => {
  let cache: TinyModelCache;
  let embedder: TransformersEmbedder;
  beforeAll(async () => {
    cache = tinyModelCache();
    embedder = tinyEmbedder(cache);
    await embedder.load();
  });
  afterAll(() => cache.cleanup());

  it('takes its settings from the model files and records them in its id', () => {
    expect(embedder.dimensions).toBe(32);
    expect(embedder.semantic).toBe(true);
    expect(embedder.maxBatchSize).toBe(DEFAULT_MODEL_PROFILE.maxBatchSize);
    expect(embedder.textsPerCall).toBe(DEFAULT_MODEL_PROFILE.textsPerCall);
    expect(embedder.id).toMatch(new RegExp(`^${TINY_MODEL_ID}@main:quantized:cls:query-[0-9a-f]{8}$`));
  });

  it('returns unit vectors that place texts sharing words closer', async () => {
    const [passage, question, unrelated] = await embedder.embed(
      ['中车株洲所正在向千亿规模企业迈进，轨道交通装备产业集群持续壮大。', '中车株洲所正在向多大规模的企业迈进？', '今年春节假期，湘江风光带游客量创新高，夜游项目受到欢迎。'],
      'passage',
    );
    for (const vector of [passage!, question!, unrelated!]) expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(cosine(passage!, question!)).toBeGreaterThan(cosine(passage!, unrelated!) + 0.1);
  });

  it('gives texts padded together in one model call the same vectors as one text a call', async () => {
    const texts = ['株洲', '株洲市今年一季度地区生产总值同比增长5.8%，GDP 增速居全省前列。', '湘江风光带', 'railway 2025', '中车株洲所'];
    const together = tinyEmbedder(cache, { batchSize: 4 });
    expect({ textsPerCall: together.textsPerCall, maxBatchSize: together.maxBatchSize }).toEqual({ textsPerCall: 4, maxBatchSize: DEFAULT_MODEL_PROFILE.maxBatchSize });
    const padded = await together.embed(texts, 'query');
    const oneByOne = await embedder.embed(texts, 'query');
    expect(padded).toHaveLength(texts.length);
    for (const [index, vector] of oneByOne.entries()) expectSameVector(padded[index], vector);
    expect(tinyEmbedder(cache, { batchSize: 64 }).maxBatchSize).toBe(64);
  });

  it('gives the same vectors with its threads set, its session then created from the model file', async () => {
    const texts = ['株洲市今年一季度地区生产总值同比增长5.8%', '湘江风光带'];
    const threaded = tinyEmbedder(cache, { threads: 1 });
    const [first, second] = await threaded.embed(texts, 'passage');
    const [expectedFirst, expectedSecond] = await embedder.embed(texts, 'passage');
    expectSameVector(first, expectedFirst);
    expectSameVector(second, expectedSecond);
  });

  it('prefixes the query instruction to questions only', async () => {
    const question = '株洲位列小巨人城市榜单第几位？';
    const [asQuery] = await embedder.embed([question], 'query');
    const [asPassage] = await embedder.embed([question], 'passage');
    const [prefixedPassage] = await embedder.embed([TINY_QUERY_PROMPT + question], 'passage');
    expectSameVector(asQuery, prefixedPassage);
    expect(cosine(asQuery!, asPassage!)).toBeLessThan(0.999);
  });

  it('prefers quantized weights when the cache has both, as its id says', async () => {
    const full = tinyEmbedder(cache, { precision: 'full' });
    await full.load();
    expect(full.id).toContain(':full:');
    const text = '中车株洲所向千亿规模企业迈进';
    const [quantizedVector] = await embedder.embed([text], 'passage');
    const [fullVector] = await full.embed([text], 'passage');
    // The tiny model's quantized table is the full one rounded: close but not equal.
    expect(cosine(quantizedVector!, fullVector!)).toBeGreaterThan(0.99);
    expect(cosine(quantizedVector!, fullVector!)).toBeLessThan(0.999999);
  });
});

describe('TransformersEmbedder truncation', () => {
  // 16 tokens: [CLS] + 3 for the instruction + 11 of the question + [SEP].
  let cache: TinyModelCache;
  let embedder: TransformersEmbedder;
  const profile = { ...DEFAULT_MODEL_PROFILE, pooling: 'cls' as const, queryPrefix: '查询：' };
  beforeAll(async () => {
    cache = tinyModelCache({ modelMaxLength: 16 });
    embedder = tinyEmbedder(cache, { profile });
    await embedder.load();
  });
  afterAll(() => cache.cleanup());

  const long = '株洲市今年一季度地区生产总值同比增长，增速居全省前列，轨道交通装备产业集群持续壮大';

  it('cuts by tokens at model_max_length, counting the instruction', async () => {
    const kept = 16 - 2 - Array.from(profile.queryPrefix).length;
    const [whole] = await embedder.embed([long], 'query');
    const [cut] = await embedder.embed([long.slice(0, kept)], 'query');
    const [changedAfterCut] = await embedder.embed([`${long.slice(0, kept)}湘江风光带游客量创新高`], 'query');
    const [changedBeforeCut] = await embedder.embed([`${long.slice(0, kept - 1)}湘${long.slice(kept)}`], 'query');
    expectSameVector(whole, cut);
    expectSameVector(changedAfterCut, cut);
    expect(cosine(changedBeforeCut!, cut!)).toBeLessThan(0.999);
  });

  it('gives passages, which have no instruction, the instruction’s room', async () => {
    const [whole] = await embedder.embed([long], 'passage');
    const [cut] = await embedder.embed([long.slice(0, 14)], 'passage');
    const [shorter] = await embedder.embed([long.slice(0, 11)], 'passage');
    expectSameVector(whole, cut);
    expect(cosine(whole!, shorter!)).toBeLessThan(0.999);
  });

  it('truncates inside a batch as it does alone', async () => {
    const batch = await embedder.embed([long, '株洲'], 'query');
    const [alone] = await embedder.embed([long], 'query');
    expectSameVector(batch[0], alone);
  });
});

describe('TransformersEmbedder id', () => {
  it('changes with model, revision, precision, pooling and instruction', () => {
    const base: TransformersEmbedderOptions = {
      model: TINY_MODEL_ID,
      cacheDir: '/nonexistent',
      downloadTimeoutMs: 1000,
      precision: 'quantized',
      profile: { ...DEFAULT_MODEL_PROFILE, pooling: 'cls', queryPrefix: 'query: ' },
    };
    const ids = [
      base,
      { ...base, model: `${TINY_MODEL_ID}-2` },
      { ...base, revision: 'v2' },
      { ...base, precision: 'full' as const },
      { ...base, profile: { ...base.profile!, pooling: 'mean' as const } },
      { ...base, profile: { ...base.profile!, queryPrefix: 'search: ' } },
      { ...base, profile: { ...base.profile!, queryPrefix: '' } },
    ].map((options) => new TransformersEmbedder(options).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(`${TINY_MODEL_ID}@main:quantized:cls:query-${ids[0]!.slice(-8)}`);
  });

  it('is known only after loading when the precision is auto', () => {
    const embedder = new TransformersEmbedder({ model: TINY_MODEL_ID, cacheDir: '/nonexistent', downloadTimeoutMs: 1000 });
    expect(() => embedder.id).toThrow(/load\(\)/);
  });
});

describe('TransformersEmbedder loading without the model', () => {
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('offline, fails at once naming the missing file and HF_HUB_OFFLINE, without a request', async () => {
    const cache = tinyModelCache({ weights: [] });
    cleanups.push(cache.cleanup);
    fs.rmSync(path.join(cache.modelDir, 'tokenizer.json'));
    const server = await serveModelFiles(cache.cacheDir);
    cleanups.push(server.close);
    const embedder = tinyEmbedder(cache, { endpoint: server.endpoint });
    const started = Date.now();
    const error = await embedder.load().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).cause).toBeInstanceOf(ModelFileMissingError);
    expect((error as Error).message).toContain(path.join(cache.modelDir, 'tokenizer.json'));
    expect((error as Error).message).toContain('HF_HUB_OFFLINE=1');
    expect((error as Error).message).not.toMatch(/network|reachable/);
    expect(server.requests).toEqual([]);

    // With the tokenizer back, the weights are what is missing: either precision would do.
    fs.copyFileSync(path.join(cache.modelDir, 'tokenizer_config.json'), path.join(cache.modelDir, 'tokenizer.json'));
    const weightsError = await tinyEmbedder(cache, { endpoint: server.endpoint })
      .load()
      .then(
        () => null,
        (caught: unknown) => caught as Error,
      );
    expect(weightsError?.message).toContain('onnx/model_quantized.onnx or');
    expect(weightsError?.message).toContain('onnx/model.onnx');
    expect(server.requests).toEqual([]);
  });

  it('rejects with ModelUnavailableError when the hub is unreachable, explaining the fixes', async () => {
    // A port that was just free: the connection is refused.
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { config, cleanup } = embeddingConfig('Xenova/bge-small-zh-v1.5', { MODEL_DOWNLOAD_TIMEOUT_MS: '3000', HF_ENDPOINT: `http://127.0.0.1:${port}` });
    cleanups.push(cleanup);
    const started = Date.now();
    const error = await createLoadedEmbedder(config).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    const unavailable = error as ModelUnavailableError;
    expect(unavailable.model).toBe('Xenova/bge-small-zh-v1.5');
    expect(unavailable.cause).toBeDefined();
    expect(unavailable.message).toContain('could not load embedding model "Xenova/bge-small-zh-v1.5"');
    expect(unavailable.message).toContain(`http://127.0.0.1:${port}/Xenova/bge-small-zh-v1.5/resolve/main/config.json`);
    expect(unavailable.message).toMatch(/network error/);
    expect(unavailable.message).toContain('EMBEDDING_MODEL=hash');
    expect(unavailable.message).toContain('npx newsbot models download');
    expect(unavailable.message).toContain(`${config.modelCacheDir}/Xenova/bge-small-zh-v1.5`);
    expect(listFiles(config.modelCacheDir)).toEqual([]);
  });

  it('gives up on a hub that accepts the connection but sends nothing', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const server = http.createServer(() => {
      // Never answers.
    });
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        }),
    );
    const { config, cleanup } = embeddingConfig('Xenova/bge-small-zh-v1.5');
    cleanups.push(cleanup);
    const embedder = new TransformersEmbedder({
      model: config.embeddingModel,
      cacheDir: config.modelCacheDir,
      downloadTimeoutMs: 1500,
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    });
    const started = Date.now();
    const error = await embedder.load().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(Date.now() - started).toBeLessThan(6000);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as Error).message).toMatch(/no data from http:\/\/127\.0\.0\.1:\d+\/.* within 1500 ms/);
    // The global fetch is restored once loading is over.
    expect(globalThis.fetch.name).toBe('fetch');
  });

  it('downloads a named revision from HF_ENDPOINT into its own folder', async () => {
    const source = tinyModelCache();
    cleanups.push(source.cleanup);
    const server = await serveModelFiles(source.cacheDir);
    cleanups.push(server.close);
    const { config, cleanup } = embeddingConfig(TINY_MODEL_ID);
    cleanups.push(cleanup);
    const embedder = new TransformersEmbedder({ model: TINY_MODEL_ID, cacheDir: config.modelCacheDir, downloadTimeoutMs: 2000, endpoint: `${server.endpoint}/`, revision: 'v2' });
    await embedder.load();
    expect(embedder.modelDir).toBe(path.join(config.modelCacheDir, TINY_MODEL_ID, 'v2'));
    expect(listFiles(embedder.modelDir)).toContain('onnx/model_quantized.onnx');
    expect(server.requests).toContain(`/${TINY_MODEL_ID}/resolve/v2/config.json`);
    expect(embedder.id).toMatch(new RegExp(`^${TINY_MODEL_ID}@v2:quantized:cls:`));
  });

  it('lets a later call try again after a failure', async () => {
    const source = tinyModelCache();
    cleanups.push(source.cleanup);
    const server = await serveModelFiles(source.cacheDir);
    cleanups.push(server.close);
    server.override = (_file, response) => {
      response.writeHead(503).end('busy');
      return true;
    };
    const { config, cleanup } = embeddingConfig(TINY_MODEL_ID);
    cleanups.push(cleanup);
    const embedder = new TransformersEmbedder({ model: TINY_MODEL_ID, cacheDir: config.modelCacheDir, downloadTimeoutMs: 2000, endpoint: server.endpoint });
    await expect(embedder.load()).rejects.toThrow(/HTTP 503/);
    await expect(embedder.embed(['你好'], 'query')).rejects.toBeInstanceOf(ModelUnavailableError);

    server.override = null;
    const [vector] = await embedder.embed(['株洲'], 'query');
    expect(vector).toHaveLength(32);
    expect(embedder.id).toContain(':quantized:');
  });
});
