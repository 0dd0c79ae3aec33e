import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { openEmbeddingQueue } from '../../pipeline/embedding-queue/open-embedding-queue.js';
import { runEmbeddingWorker, workerName } from '../../pipeline/embedding-queue/run-embedding-worker.js';
import { formatQueueProgress } from '../../pipeline/embedding-queue/format-queue-progress.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * `newsbot work`: an embedding worker (PostgreSQL mode). Takes jobs from the queue that ingest fills
 * until Ctrl+C (or, with --until-empty, until nothing is left); `--status` prints the queue's progress and ETA.
 */
export const registerWorkCommand: RegisterCommand = (program, context) => {
  program
    .command('work')
    .description('embed queued chunks (PostgreSQL mode; any number of machines); --status shows progress and ETA')
    .option('--status', 'print the embedding queue’s progress and ETA, then exit')
    .option('--until-empty', 'exit once no job is waiting or leased (a dead worker’s job is taken when its lease expires)')
    .option('--json', 'with --status: print one JSON object { totalChunks, doneChunks, pendingJobs, leasedJobs, doneJobs, activeWorkers, chunksPerSecond, etaSeconds }')
    .action(async (options: { status?: boolean; untilEmpty?: boolean; json?: boolean }) => {
      const config = context.config();
      if (config.databaseUrl === null) throw new UsageError('newsbot work takes embedding jobs from PostgreSQL: set DATABASE_URL (in SQLite mode ingest embeds by itself)');
      const opened = await openEmbeddingQueue(config, { withEmbedder: !options.status });
      try {
        if (options.status) {
          const progress = await opened.queue.progress();
          context.stdout(options.json ? `${JSON.stringify(progress)}\n` : `${formatQueueProgress(progress)}\n`);
          return;
        }
        const stop = new AbortController();
        const onSignal = (signal: NodeJS.Signals) => stop.abort(new Error(signal));
        for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
        const owner = workerName();
        context.stderr(`newsbot: embedding worker ${owner} takes jobs from the queue; Ctrl+C stops it.\n`);
        try {
          const summary = await runEmbeddingWorker({
            queue: opened.queue,
            embedder: opened.embedder!,
            logger: context.logger(),
            owner,
            leaseMs: config.embeddingQueue.leaseMs,
            signal: stop.signal,
            // Empty means no job left to take *and* none leased: a job leased by a worker that died comes back
            // when its lease expires, and this worker stays to take it.
            until: options.untilEmpty
              ? async () => {
                  const progress = await opened.queue.progress();
                  return progress.pendingJobs === 0 && progress.leasedJobs === 0;
                }
              : undefined,
          });
          context.stderr(
            `newsbot: embedded ${summary.chunks} chunks in ${summary.jobs} jobs${summary.lostLeases > 0 ? ` (${summary.lostLeases} lost to an expired lease)` : ''}.\n`,
          );
        } finally {
          for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
        }
      } finally {
        await opened.close();
      }
    });
};
