import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createEmbedder, createLoadedEmbedder, downloadModel } from '../../src/embedding/create-embedder.js';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import { TransformersEmbedder } from '../../src/embedding/transformers-embedder.js';
import { embeddingConfig } from './embedding-fixtures.js';
import { loadConfig } from '../../src/config/config.js';

describe('createEmbedder', () => {
  it('picks the hash embedder only for exactly "hash"', () => {
    for (const [model, expected] of [
      ['hash', HashEmbedder],
      ['Hash', TransformersEmbedder],
      ['hash-ngram-v1', TransformersEmbedder],
      ['Xenova/bge-small-zh-v1.5', TransformersEmbedder],
    ] as const) {
      const { config, cleanup } = embeddingConfig(model);
      try {
        expect(createEmbedder(config)).toBeInstanceOf(expected);
      } finally {
        cleanup();
      }
    }
  });

  it('knows the dimensions of profiled models before loading, and the id once the precision is fixed', () => {
    const { config, cleanup } = embeddingConfig('Xenova/bge-small-zh-v1.5', { EMBEDDING_PRECISION: 'quantized' });
    try {
      const embedder = createEmbedder(config);
      expect(embedder.dimensions).toBe(512);
      expect(embedder.id).toMatch(/^Xenova\/bge-small-zh-v1\.5@main:quantized:cls:query-[0-9a-f]{8}$/);
      expect(embedder.semantic).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('asks for load() before the dimensions of an unknown model are read', () => {
    const { config, cleanup } = embeddingConfig('someone/unknown-model');
    try {
      expect(() => createEmbedder(config).dimensions).toThrow(/load\(\)/);
    } finally {
      cleanup();
    }
  });

  it('needs no loading or download for the hash embedder', async () => {
    const { config, cleanup } = embeddingConfig('hash');
    try {
      expect(await createLoadedEmbedder(config)).toBeInstanceOf(HashEmbedder);
      await expect(downloadModel(config)).resolves.toBeNull();
    } finally {
      cleanup();
    }
  });
});

describe('model delivery settings', () => {
  it('reads HF_ENDPOINT, HF_HUB_OFFLINE, EMBEDDING_PRECISION and EMBEDDING_REVISION', () => {
    const { config: defaults, cleanup: cleanupDefaults } = embeddingConfig('Xenova/bge-small-zh-v1.5');
    const { config, cleanup } = embeddingConfig('Xenova/bge-small-zh-v1.5', {
      HF_ENDPOINT: 'https://hf-mirror.com/',
      HF_HUB_OFFLINE: '1',
      EMBEDDING_PRECISION: 'full',
      EMBEDDING_REVISION: 'v1.5',
    });
    try {
      expect(defaults).toMatchObject({ modelEndpoint: 'https://huggingface.co', modelOffline: false, embeddingPrecision: 'auto', embeddingRevision: 'main' });
      expect(config).toMatchObject({ modelEndpoint: 'https://hf-mirror.com', modelOffline: true, embeddingPrecision: 'full', embeddingRevision: 'v1.5' });
      expect(createEmbedder(config).id).toMatch(/^Xenova\/bge-small-zh-v1\.5@v1\.5:full:cls:/);
      expect(() => loadConfig({ EMBEDDING_PRECISION: 'half' }, os.tmpdir())).toThrow(/EMBEDDING_PRECISION/);
      expect(() => loadConfig({ HF_ENDPOINT: 'hf-mirror.com' }, os.tmpdir())).toThrow(/HF_ENDPOINT must be an http\(s\) address/);
    } finally {
      cleanup();
      cleanupDefaults();
    }
  });
});
