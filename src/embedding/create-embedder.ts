import type { Config } from '../config/config.js';
import type { Embedder } from './embedder.js';
import { HashEmbedder } from './hash-embedder.js';
import { QueryVectorCache } from './query-vector-cache.js';
import { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.js';
import { WorkerThreadEmbedder } from './worker-thread-embedder.js';

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
  return new TransformersEmbedder(transformersEmbedderOptions(config));
}

/** The configured transformers.js model's options. */
function transformersEmbedderOptions(config: Config): TransformersEmbedderOptions {
  return {
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
  };
}

/**
 * The configured embedder with the model loaded, so `dimensions` is known and failures surface now;
 * a model remembers its last `config.embeddingQueryCache` query vectors (`QueryVectorCache`). With
 * `config.embeddingWorkerThread` (and no reranker, which runs in the main thread) the model runs in a
 * worker thread of its own (`WorkerThreadEmbedder`), so its calls never block the process's event
 * loop. It is off by default: onnxruntime-node 1.14's addon is not made for two threads of one
 * process, and test processes that used a model in the main thread and another in a worker thread
 * crashed now and then with a corrupted heap. The hash embedder stays in the main thread,
 * unwrapped: it embeds a question in microseconds, as fast as a lookup.
 */
export async function createLoadedEmbedder(config: Config): Promise<Embedder> {
  if (config.embeddingModel === HASH_EMBEDDING_MODEL) return new HashEmbedder();
  const options = transformersEmbedderOptions(config);
  const inWorkerThread = config.embeddingWorkerThread && config.rerank === null;
  const embedder: Embedder & { load(): Promise<void> } = inWorkerThread ? new WorkerThreadEmbedder(options) : new TransformersEmbedder(options);
  try {
    await embedder.load();
  } catch (error) {
    await embedder.close?.();
    throw error;
  }
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
