import type { Config } from '../config/config.js';
import type { Embedder } from './embedder.js';
import { HashEmbedder } from './hash-embedder.js';
import { TransformersEmbedder } from './transformers-embedder.js';

/** The EMBEDDING_MODEL value that selects the offline embedder. */
export const HASH_EMBEDDING_MODEL = 'hash';

/**
 * The configured embedder: exactly `EMBEDDING_MODEL=hash` gives the offline `HashEmbedder`,
 * anything else is a transformers.js model id. Nothing is loaded yet; for a model outside
 * `MODEL_PROFILES`, `dimensions` is unknown until loaded: use `createLoadedEmbedder`.
 */
export function createEmbedder(config: Config): Embedder {
  if (config.embeddingModel === HASH_EMBEDDING_MODEL) return new HashEmbedder();
  return new TransformersEmbedder({
    model: config.embeddingModel,
    cacheDir: config.modelCacheDir,
    downloadTimeoutMs: config.modelDownloadTimeoutMs,
  });
}

/** `createEmbedder`, with the model loaded, so `dimensions` is known and failures surface now. */
export async function createLoadedEmbedder(config: Config): Promise<Embedder> {
  const embedder = createEmbedder(config);
  if (embedder instanceof TransformersEmbedder) await embedder.load();
  return embedder;
}

/**
 * Loads the configured transformers.js model, downloading it into `config.modelCacheDir`
 * (for `newsbot models download`). Does nothing for the hash embedder.
 */
export async function downloadModel(config: Config): Promise<void> {
  await createLoadedEmbedder(config);
}
