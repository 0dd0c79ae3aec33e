import { describe, expect, it } from 'vitest';
import { createEmbedder, createLoadedEmbedder, downloadModel } from '../../src/embedding/create-embedder.js';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import { TransformersEmbedder } from '../../src/embedding/transformers-embedder.js';
import { embeddingConfig } from './embedding-fixtures.js';

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

  it('knows the dimensions of profiled models before loading', () => {
    const { config, cleanup } = embeddingConfig('Xenova/bge-small-zh-v1.5');
    try {
      const embedder = createEmbedder(config);
      expect(embedder.dimensions).toBe(512);
      expect(embedder.id).toBe('Xenova/bge-small-zh-v1.5:cls');
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
      await expect(downloadModel(config)).resolves.toBeUndefined();
    } finally {
      cleanup();
    }
  });
});
