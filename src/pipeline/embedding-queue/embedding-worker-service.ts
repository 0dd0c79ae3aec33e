import type { Embedder } from '../../embedding/embedder.js';
import type { Logger } from '../../log/logger.js';
import type { EmbeddingQueue } from '../../store/embedding-queue.js';
import { runEmbeddingWorker } from './run-embedding-worker.js';

/** The embedding worker as a service `serve` starts and stops with the bot (shape of `BackgroundService`). */
export function embeddingWorkerService(options: { queue: EmbeddingQueue; embedder: Embedder; logger: Logger; leaseMs: number }): {
  name: string;
  start(): void;
  stop(): Promise<void>;
} {
  let stop: AbortController | null = null;
  let running: Promise<unknown> = Promise.resolve();
  return {
    name: 'embedding worker',
    start: () => {
      stop = new AbortController();
      running = runEmbeddingWorker({ ...options, signal: stop.signal }).catch((error: unknown) => options.logger.error({ err: error }, 'the embedding worker stopped'));
    },
    stop: async () => {
      stop?.abort(new Error('serve is stopping'));
      await running;
    },
  };
}
