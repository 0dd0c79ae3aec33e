/**
 * One embedding worker: takes a job from the queue, embeds its chunks while renewing the lease,
 * commits the vectors, and takes the next. `newsbot work`, every `serve` in PostgreSQL mode and a
 * waiting `newsbot ingest` run this loop.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Embedder } from '../../embedding/embedder.js';
import type { Logger } from '../../log/logger.js';
import type { EmbeddingQueue } from '../../store/embedding-queue.js';
import { embedChunks } from '../embed-chunks.js';

export const EMBEDDING_WORKER_DEFAULTS = {
  /** Milliseconds a lease lasts without renewal; renewed every third of it while embedding. Default 60000. */
  leaseMs: 60_000,
  /** Milliseconds between looks at an empty queue. Default 1000. */
  idleMs: 1000,
} as const;

export interface EmbeddingWorkerOptions {
  queue: EmbeddingQueue;
  embedder: Embedder;
  logger: Logger;
  /** This worker's name in leases (default host:pid:random). */
  owner?: string;
  leaseMs?: number;
  idleMs?: number;
  /** Stops after the current job (the job in hand is abandoned: its lease expires and another worker takes it). */
  signal?: AbortSignal;
  /** Checked whenever the queue has nothing to take: true ends the loop (default: never, wait for work). */
  until?: () => Promise<boolean> | boolean;
  /** After each committed job. */
  onCommitted?: (job: { id: number; chunks: number; attempts: number }) => void;
}

export interface EmbeddingWorkerSummary {
  jobs: number;
  chunks: number;
  /** Jobs this worker embedded but could not commit, because its lease had passed to another. */
  lostLeases: number;
}

/** A lease holder's name: readable in `newsbot work --status`, unique per process. */
export function workerName(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Runs the loop until `signal` aborts or `until` says so; see the file header. */
export async function runEmbeddingWorker(options: EmbeddingWorkerOptions): Promise<EmbeddingWorkerSummary> {
  const { queue, embedder, logger, signal } = options;
  const owner = options.owner ?? workerName();
  const leaseMs = options.leaseMs ?? EMBEDDING_WORKER_DEFAULTS.leaseMs;
  const idleMs = options.idleMs ?? EMBEDDING_WORKER_DEFAULTS.idleMs;
  const summary: EmbeddingWorkerSummary = { jobs: 0, chunks: 0, lostLeases: 0 };
  while (!signal?.aborted) {
    let job: Awaited<ReturnType<EmbeddingQueue['take']>>;
    try {
      job = await queue.take(owner, leaseMs);
    } catch (error) {
      logger.warn({ err: error }, 'could not take an embedding job; trying again');
      await pause(idleMs * 5, signal);
      continue;
    }
    if (job === null) {
      if (options.until && (await options.until())) break;
      await pause(idleMs, signal);
      continue;
    }
    const lease = new AbortController();
    const stop = () => lease.abort(signal?.reason);
    signal?.addEventListener('abort', stop, { once: true });
    const heartbeat = setInterval(() => {
      void queue.renew(job.id, owner, leaseMs).then(
        (held) => {
          if (!held) lease.abort(new Error(`lost the lease of embedding job ${job.id}`));
        },
        // PostgreSQL away for a moment: keep embedding; the completion finds out whether the lease held.
        () => undefined,
      );
    }, leaseMs / 3);
    try {
      const vectors = await embedChunks(
        embedder,
        job.articles.flatMap((item) => item.chunks),
        { signal: lease.signal },
      );
      const result = await queue.complete(job, owner, vectors);
      if (result.status === 'committed') {
        summary.jobs += 1;
        summary.chunks += result.chunks;
        logger.debug({ job: job.id, chunks: result.chunks, attempts: job.attempts }, 'embedding job committed');
        options.onCommitted?.({ id: job.id, chunks: result.chunks, attempts: job.attempts });
      } else {
        summary.lostLeases += 1;
        logger.warn({ job: job.id }, 'embedding job finished after its lease passed to another worker; its vectors were not written');
      }
    } catch (error) {
      if (signal?.aborted) break;
      if (lease.signal.aborted) summary.lostLeases += 1;
      logger.warn({ err: error, job: job.id }, 'embedding job failed; it returns to the queue when its lease expires');
      await pause(idleMs, signal);
    } finally {
      clearInterval(heartbeat);
      signal?.removeEventListener('abort', stop);
    }
  }
  return summary;
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}
