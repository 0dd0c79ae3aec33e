import type { Article } from '../../src/ingest/article.js';
import { latencyPercentiles, type LatencySummary } from '../../src/bench/latency-percentiles.js';
import type { BenchSystemOfRecord } from './bench-system-of-record.js';
import type { BenchWorker } from './bench-worker.js';

export interface MeasureReplicationLagOptions {
  systemOfRecord: BenchSystemOfRecord;
  workers: readonly BenchWorker[];
  /** Written one at a time, each in its own transaction. */
  articles: readonly Article[];
  /** Pause between articles, so each is measured on its own. Default 50 ms. */
  gapMs?: number;
  /** Give up on one article after this long. Default 30 s. */
  timeoutMs?: number;
}

/** Commit → answerable on every worker, in ms, one sample per article and worker. */
export interface ReplicationLagResult {
  articles: number;
  lag: LatencySummary;
}

/** How often each worker's `/health` is read while waiting. */
const POLL_MS = 2;

/**
 * Writes articles one at a time through the writer and, from the moment its commit returns, reads each
 * worker's `/health` until its replica position reaches the commit's: the follower advances that position
 * only after the SQLite transaction and the HNSW update, so from then on the article is answerable there.
 */
export async function measureReplicationLag(options: MeasureReplicationLagOptions): Promise<ReplicationLagResult> {
  const samples: number[] = [];
  const timeoutMs = options.timeoutMs ?? 30_000;
  for (const article of options.articles) {
    const position = await options.systemOfRecord.write([article]);
    const committed = performance.now();
    await Promise.all(
      options.workers.map(async (worker) => {
        while ((await worker.replicaPosition()) < position) {
          if (performance.now() - committed > timeoutMs) throw new Error(`worker ${worker.pid} did not reach position ${position} within ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
        samples.push(performance.now() - committed);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, options.gapMs ?? 50));
  }
  return { articles: options.articles.length, lag: latencyPercentiles(samples) };
}
