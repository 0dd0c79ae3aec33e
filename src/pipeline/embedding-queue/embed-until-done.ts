import type { Embedder } from '../../embedding/embedder.js';
import type { Logger } from '../../log/logger.js';
import type { EmbeddingQueue, QueueProgress } from '../../store/embedding-queue.js';
import { runEmbeddingWorker } from './run-embedding-worker.js';

export interface EmbedUntilDoneOptions {
  queue: EmbeddingQueue;
  embedder: Embedder;
  logger: Logger;
  /** The jobs to wait for (an ingest's own). */
  jobs: { first: number; last: number };
  leaseMs?: number;
  signal?: AbortSignal;
  /** Called every `progressEveryMs` and once at the end. */
  onProgress?: (progress: QueueProgress) => void;
  /** Default 2000. */
  progressEveryMs?: number;
}

/**
 * Waits until the given jobs are committed, embedding from the queue meanwhile (so a lone `ingest`
 * finishes by itself, and with other workers running it is one of them).
 */
export async function embedUntilDone(options: EmbedUntilDoneOptions): Promise<QueueProgress> {
  const { queue, jobs } = options;
  const report = async (): Promise<QueueProgress> => {
    const progress = await queue.progress(jobs.first, jobs.last);
    options.onProgress?.(progress);
    return progress;
  };
  const timer = setInterval(() => void report().catch(() => undefined), options.progressEveryMs ?? 2000);
  try {
    await runEmbeddingWorker({
      queue,
      embedder: options.embedder,
      logger: options.logger,
      leaseMs: options.leaseMs,
      signal: options.signal,
      idleMs: 250,
      until: async () => {
        const progress = await queue.progress(jobs.first, jobs.last);
        return progress.doneChunks >= progress.totalChunks && progress.pendingJobs === 0 && progress.leasedJobs === 0;
      },
    });
  } finally {
    clearInterval(timer);
  }
  return report();
}
