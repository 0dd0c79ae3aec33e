import { loadConfig } from '../../src/config/config.js';
import { createLoadedEmbedder } from '../../src/embedding/create-embedder.js';
import { embedChunks } from '../../src/pipeline/embed-chunks.js';
import type { Chunk } from '../../src/chunking/chunk.js';
import { median } from './median.js';

export interface BatchThreadsOptions {
  /** EMBEDDING_MODEL, MODEL_CACHE_DIR, HF_HUB_OFFLINE… of the model to time. */
  env: Record<string, string | undefined>;
  cwd: string;
  chunks: readonly Pick<Chunk, 'heading' | 'text'>[];
  batchSizes: readonly number[];
  threads: readonly number[];
  repeats: number;
  onProgress?: (message: string) => void;
}

export interface BatchThreadsResult {
  batchSize: number;
  threads: number;
  chunksPerSecond: number[];
  median: number;
}

/**
 * Embedding throughput through the real adapter (`createLoadedEmbedder`, as ingest builds it) for
 * each EMBEDDING_BATCH_SIZE × EMBEDDING_THREADS: the same chunks, one warm-up batch, then timed.
 * Settings take turns within each repeat, so a burst of load on the machine hits them alike.
 */
export async function measureBatchThreads(options: BatchThreadsOptions): Promise<BatchThreadsResult[]> {
  const results: BatchThreadsResult[] = options.threads.flatMap((threads) => options.batchSizes.map((batchSize) => ({ batchSize, threads, chunksPerSecond: [], median: 0 })));
  const embedders = new Map<BatchThreadsResult, Awaited<ReturnType<typeof createLoadedEmbedder>>>();
  for (const result of results) {
    const config = loadConfig({ ...options.env, EMBEDDING_THREADS: String(result.threads), EMBEDDING_BATCH_SIZE: String(result.batchSize), LOG_LEVEL: 'silent' }, options.cwd);
    const embedder = await createLoadedEmbedder(config);
    await embedChunks(embedder, options.chunks.slice(0, result.batchSize));
    embedders.set(result, embedder);
  }
  for (let repeat = 0; repeat < options.repeats; repeat += 1) {
    for (const result of results) {
      const started = performance.now();
      await embedChunks(embedders.get(result)!, options.chunks);
      const rate = options.chunks.length / ((performance.now() - started) / 1000);
      result.chunksPerSecond.push(Math.round(rate * 10) / 10);
      options.onProgress?.(`batch ${result.batchSize} × ${result.threads} thread(s): ${rate.toFixed(1)} chunks/s (run ${repeat + 1})`);
    }
  }
  for (const result of results) result.median = median(result.chunksPerSecond);
  return results;
}
