import type { Config } from '../config/config.js';
import type { Embedder } from './embedder.js';
import { HashEmbedder } from './hash-embedder.js';
import { QueryVectorCache } from './query-vector-cache.js';
import { TransformersEmbedder } from './transformers-embedder.js';

/** The EMBEDDING_MODEL value that selects the offline embedder. */
export const HASH_EMBEDDING_MODEL = 'hash';

/**
 * The configured embedder: exactly `EMBEDDING_MODEL=hash` gives the offline `HashEmbedder`,
 * anything else is a transformers.js model id. Nothing is loaded yet; for a model outside
 * `MODEL_PROFILES` (or with `EMBEDDING_PRECISION=auto`), `dimensions` or `id` are unknown until
 * loaded: use `createLoadedEmbedder`.
 */
export function createEmbedder(config: Config): Embedder {
  if (config.embeddingModel === HASH_EMBEDDING_MODEL) return new HashEmbedder();
  return new TransformersEmbedder({
    model: config.embeddingModel,
    cacheDir: config.modelCacheDir,
    downloadTimeoutMs: config.modelDownloadTimeoutMs,
    revision: config.embeddingRevision,
    precision: config.embeddingPrecision,
    endpoint: config.modelEndpoint,
    offline: config.modelOffline,
    token: config.modelToken,
    threads: config.embeddingThreads,
    batchSize: config.embeddingBatchSize,
  });
}

/**
 * `createEmbedder`, with the model loaded, so `dimensions` is known and failures surface now; a
 * model remembers its last `config.embeddingQueryCache` query vectors (`QueryVectorCache`). The
 * hash embedder is not wrapped: it embeds a question in microseconds, as fast as a lookup.
 */
export async function createLoadedEmbedder(config: Config): Promise<Embedder> {
  const embedder = createEmbedder(config);
  if (!(embedder instanceof TransformersEmbedder)) return embedder;
  await embedder.load();
  return config.embeddingQueryCache > 0 ? new QueryVectorCache(embedder, { maxEntries: config.embeddingQueryCache }) : embedder;
}

/**
 * Downloads the configured transformers.js model into `config.modelCacheDir` and loads it, so a
 * broken download shows now (for `newsbot models download`). Null for the hash embedder.
 */
export async function downloadModel(config: Config): Promise<TransformersEmbedder | null> {
  const embedder = createEmbedder(config);
  if (!(embedder instanceof TransformersEmbedder)) return null;
  await embedder.load();
  return embedder;
}
