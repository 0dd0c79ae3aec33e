import type { Config } from '../config/config.js';
import { TransformersReranker } from './transformers-reranker.js';

/**
 * The configured reranker (RERANK_MODEL), not loaded yet, or null when reranking is off. It comes
 * from the same cache, hub, token and offline setting as the embedding model, and runs on as many
 * threads (EMBEDDING_THREADS).
 */
export function createReranker(config: Config): TransformersReranker | null {
  if (config.rerank === null) return null;
  return new TransformersReranker({
    model: config.rerank.model,
    revision: config.rerank.revision,
    precision: config.rerank.precision,
    cacheDir: config.modelCacheDir,
    downloadTimeoutMs: config.modelDownloadTimeoutMs,
    endpoint: config.modelEndpoint,
    offline: config.modelOffline,
    token: config.modelToken,
    threads: config.embeddingThreads,
  });
}

/**
 * `createReranker`, loaded (downloading missing files unless HF_HUB_OFFLINE), so a missing or
 * unusable model fails now with `ModelUnavailableError` rather than at the first question. Also what
 * `newsbot models download` fetches the reranker with.
 */
export async function createLoadedReranker(config: Config): Promise<TransformersReranker | null> {
  const reranker = createReranker(config);
  await reranker?.load();
  return reranker;
}
