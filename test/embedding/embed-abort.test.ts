import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import { TransformersEmbedder } from '../../src/embedding/transformers-embedder.js';
import { tinyModelCache, TINY_MODEL_ID, type TinyModelCache } from './support/tiny-model-cache.js';

const reason = new Error('shutting down');

function abortedSignal(): AbortSignal {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
}

describe('embed with an AbortSignal', () => {
  it('the hash embedder rejects with the signal’s reason, states a concurrency of 1, and embeds when not aborted', async () => {
    const embedder = new HashEmbedder({ dimensions: 16 });
    expect(embedder.maxConcurrency).toBe(1);
    await expect(embedder.embed(['株洲'], 'passage', { signal: abortedSignal() })).rejects.toBe(reason);
    const [vector] = await embedder.embed(['株洲'], 'passage', { signal: new AbortController().signal });
    expect(vector).toEqual(embedder.embedOne('株洲'));
  });

  describe('the transformers.js embedder', () => {
    let cache: TinyModelCache;
    beforeAll(() => {
      cache = tinyModelCache();
    });
    afterAll(() => cache.cleanup());

    it('rejects with the signal’s reason before loading the model, and states a concurrency of 1', async () => {
      const embedder = new TransformersEmbedder({ model: TINY_MODEL_ID, cacheDir: cache.cacheDir, downloadTimeoutMs: 2000, offline: true });
      expect(embedder.maxConcurrency).toBe(1);
      await expect(embedder.embed(['株洲'], 'query', { signal: abortedSignal() })).rejects.toBe(reason);
      expect(embedder.dimensionsKnown).toBe(false);
    });

    it('rejects when the signal is aborted while the model loads, and embeds with a live signal', async () => {
      const embedder = new TransformersEmbedder({ model: TINY_MODEL_ID, cacheDir: cache.cacheDir, downloadTimeoutMs: 2000, offline: true });
      const controller = new AbortController();
      const embedding = embedder.embed(['株洲'], 'query', { signal: controller.signal });
      controller.abort(reason);
      await expect(embedding).rejects.toBe(reason);
      const [vector] = await embedder.embed(['株洲'], 'query', { signal: new AbortController().signal });
      expect(vector).toHaveLength(embedder.dimensions);
    });
  });
});
