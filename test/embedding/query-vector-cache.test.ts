import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedLru } from '../../src/embedding/bounded-lru.js';
import type { EmbedKind, Embedder } from '../../src/embedding/embedder.js';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import { QueryVectorCache } from '../../src/embedding/query-vector-cache.js';
import { createLoadedEmbedder } from '../../src/embedding/create-embedder.js';
import { loadConfig } from '../../src/config/config.js';
import { TransformersEmbedder } from '../../src/embedding/transformers-embedder.js';
import { tinyModelCache, TINY_MODEL_ID, type TinyModelCache } from './support/tiny-model-cache.js';

/** A hash embedder under another id that records every text it is asked to embed. */
class RecordingEmbedder implements Embedder {
  readonly calls: Array<{ texts: string[]; kind: EmbedKind }> = [];
  readonly dimensions = 16;
  readonly maxBatchSize = 8;
  readonly maxConcurrency = 1;
  readonly semantic = true;
  readonly maxInputChars = 100;
  private readonly hash = new HashEmbedder({ dimensions: 16 });

  constructor(readonly id: string) {}

  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    this.calls.push({ texts: [...texts], kind });
    // Different ids give different vectors for the same text (as two models would).
    return Promise.resolve(texts.map((text) => this.hash.embedOne(`${this.id} ${text}`)));
  }

  texts(): string[] {
    return this.calls.flatMap((call) => call.texts);
  }
}

describe('QueryVectorCache', () => {
  it('answers a repeated query from the cache without calling the model', async () => {
    const model = new RecordingEmbedder('model-a');
    const cached = new QueryVectorCache(model, { maxEntries: 10 });
    const [first] = await cached.embed(['株洲今年GDP增长多少？'], 'query');
    const [again] = await cached.embed(['株洲今年GDP增长多少？'], 'query');
    expect(model.texts()).toEqual(['株洲今年GDP增长多少？']);
    expect(Array.from(again!)).toEqual(Array.from(first!));
    expect({ hits: cached.hits, misses: cached.misses }).toEqual({ hits: 1, misses: 1 });
    // A caller changing its copy does not change what the next caller gets.
    first!.fill(0);
    const [third] = await cached.embed(['株洲今年GDP增长多少？'], 'query');
    expect(Array.from(third!)).toEqual(Array.from(again!));
  });

  it('keys by the exact text: another spelling runs the model', async () => {
    const model = new RecordingEmbedder('model-a');
    const cached = new QueryVectorCache(model, { maxEntries: 10 });
    await cached.embed(['株洲'], 'query');
    await cached.embed(['株洲 '], 'query');
    expect(model.texts()).toEqual(['株洲', '株洲 ']);
  });

  it('sends only the misses of a batch to the model, once each, and keeps the order', async () => {
    const model = new RecordingEmbedder('model-a');
    const cached = new QueryVectorCache(model, { maxEntries: 10 });
    const [known] = await cached.embed(['甲'], 'query');
    const vectors = await cached.embed(['乙', '甲', '乙', '丙'], 'query');
    expect(model.calls.at(-1)?.texts).toEqual(['乙', '丙']);
    const direct = await model.embed(['乙', '丙'], 'query');
    expect(vectors.map((vector) => Array.from(vector))).toEqual([direct[0], known, direct[0], direct[1]].map((vector) => Array.from(vector!)));
  });

  it('drops the least recently used query beyond its bound', async () => {
    const model = new RecordingEmbedder('model-a');
    const cached = new QueryVectorCache(model, { maxEntries: 2 });
    await cached.embed(['一'], 'query');
    await cached.embed(['二'], 'query');
    await cached.embed(['一'], 'query'); // now newer than 二
    await cached.embed(['三'], 'query'); // evicts 二
    model.calls.length = 0;
    await cached.embed(['一'], 'query');
    await cached.embed(['三'], 'query');
    expect(model.texts()).toEqual([]);
    await cached.embed(['二'], 'query');
    expect(model.texts()).toEqual(['二']);
  });

  it('never caches passages', async () => {
    const model = new RecordingEmbedder('model-a');
    const store = new BoundedLru<string, Float32Array>(10);
    const cached = new QueryVectorCache(model, { store });
    await cached.embed(['同一段文字'], 'passage');
    await cached.embed(['同一段文字'], 'passage');
    expect(model.texts()).toEqual(['同一段文字', '同一段文字']);
    expect(store.size).toBe(0);
    // A passage embedded before does not answer the same text as a query either.
    await cached.embed(['同一段文字'], 'query');
    expect(model.calls.at(-1)).toEqual({ texts: ['同一段文字'], kind: 'query' });
  });

  it('never gives one embedder the vectors of another, even sharing a store', async () => {
    const store = new BoundedLru<string, Float32Array>(10);
    const modelA = new RecordingEmbedder('model-a');
    const modelB = new RecordingEmbedder('model-b');
    const cachedA = new QueryVectorCache(modelA, { store });
    const cachedB = new QueryVectorCache(modelB, { store });
    const [fromA] = await cachedA.embed(['株洲'], 'query');
    const [fromB] = await cachedB.embed(['株洲'], 'query');
    expect(modelB.texts()).toEqual(['株洲']);
    expect(Array.from(fromB!)).not.toEqual(Array.from(fromA!));
    expect(store.size).toBe(2);
  });

  it('passes the limits and identity of the model through', () => {
    const model = new RecordingEmbedder('model-a');
    const cached = new QueryVectorCache(model);
    expect({ id: cached.id, dimensions: cached.dimensions, maxBatchSize: cached.maxBatchSize, semantic: cached.semantic, maxInputChars: cached.maxInputChars }).toEqual({
      id: 'model-a',
      dimensions: 16,
      maxBatchSize: 8,
      semantic: true,
      maxInputChars: 100,
    });
  });

  it('rejects an aborted call even when every query is cached', async () => {
    const cached = new QueryVectorCache(new RecordingEmbedder('model-a'));
    await cached.embed(['株洲'], 'query');
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(cached.embed(['株洲'], 'query', { signal: controller.signal })).rejects.toThrow('stopped');
  });
});

describe('createLoadedEmbedder and EMBEDDING_QUERY_CACHE', () => {
  let cache: TinyModelCache;
  beforeAll(() => {
    cache = tinyModelCache();
  });
  afterAll(() => cache.cleanup());
  const config = (overrides: Record<string, string>) =>
    loadConfig({ EMBEDDING_MODEL: TINY_MODEL_ID, MODEL_CACHE_DIR: cache.cacheDir, HF_HUB_OFFLINE: '1', LOG_LEVEL: 'silent', ...overrides }, cache.cacheDir);

  it('puts a loaded model behind a cache of the configured size, by default 1,000', async () => {
    expect(config({}).embeddingQueryCache).toBe(1000);
    const embedder = await createLoadedEmbedder(config({ EMBEDDING_QUERY_CACHE: '5' }));
    expect(embedder).toBeInstanceOf(QueryVectorCache);
    const cached = embedder as QueryVectorCache;
    expect(cached.inner).toBeInstanceOf(TransformersEmbedder);
    const [first] = await cached.embed(['株洲'], 'query');
    const [again] = await cached.embed(['株洲'], 'query');
    expect(Array.from(again!)).toEqual(Array.from(first!));
    expect({ hits: cached.hits, misses: cached.misses }).toEqual({ hits: 1, misses: 1 });
    await cached.close();
  });

  it('leaves the model bare with EMBEDDING_QUERY_CACHE=0, and refuses a negative size', async () => {
    const bare = await createLoadedEmbedder(config({ EMBEDDING_QUERY_CACHE: '0' }));
    expect(bare).toBeInstanceOf(TransformersEmbedder);
    await bare.close?.();
    expect(() => config({ EMBEDDING_QUERY_CACHE: '-1' })).toThrow(/EMBEDDING_QUERY_CACHE/);
  });
});

describe('BoundedLru', () => {
  it('refuses a bound below 1', () => {
    expect(() => new BoundedLru(0)).toThrow(RangeError);
  });
});
