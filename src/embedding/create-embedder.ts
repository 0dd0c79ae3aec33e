import type { Config } from '../config/config.js';
import type { Embedder } from './embedder.js';
import { HashEmbedder } from './hash-embedder.js';
import { TransformersEmbedder } from './transformers-embedder.js';

/** The value of EMBEDDING_MODEL that selects the offline embedder. */
export const OFFLINE_EMBEDDING_MODEL = 'hash';

/** Exactly `EMBEDDING_MODEL=hash` selects the offline embedder; anything else is a transformers.js model id. */
export function createEmbedder(config: Pick<Config, 'embeddingModel' | 'modelCacheDir' | 'modelDownloadTimeoutMs'>): Embedder {
  if (config.embeddingModel === OFFLINE_EMBEDDING_MODEL) return new HashEmbedder();
  return new TransformersEmbedder({ model: config.embeddingModel, cacheDir: config.modelCacheDir, downloadTimeoutMs: config.modelDownloadTimeoutMs });
}

/**
 * Creates the embedder and, for a real model, loads it now: a missing model fails at start
 * with a clear message instead of on the first question, and its dimensions become known.
 */
export async function createLoadedEmbedder(config: Pick<Config, 'embeddingModel' | 'modelCacheDir' | 'modelDownloadTimeoutMs'>): Promise<Embedder> {
  const embedder = createEmbedder(config);
  if (embedder instanceof TransformersEmbedder) await embedder.load();
  return embedder;
}

/** Downloads the configured model into the cache (for copying to an offline server). */
export async function downloadModel(config: Pick<Config, 'embeddingModel' | 'modelCacheDir' | 'modelDownloadTimeoutMs'>): Promise<void> {
  await createLoadedEmbedder(config);
}
