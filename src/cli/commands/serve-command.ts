import type { CliContext, RegisterCommand } from '../cli-context.js';
import { MissingBotTokenError } from '../../bot/bot-errors.js';
import { startEarlyMetricsServer } from '../../bot/metrics-server.js';
import { startServer } from '../../bot/start-server.js';
import { createBackgroundServices } from '../create-background-services.js';
import { checkServeConfig } from '../../config/check-serve-config.js';
import { leaderOnlyServices } from '../leader-only-services.js';
import { claimLongPolling } from '../claim-long-polling.js';
import { embeddingWorkerService } from '../../pipeline/embedding-queue/embedding-worker-service.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * `newsbot serve`: opens the archive, starts the Telegram bot (long polling, or the webhook server when
 * WEBHOOK_URL is set) and the background services, and runs until SIGINT/SIGTERM; main() then closes the archive.
 */
export const registerServeCommand: RegisterCommand = (program, context) => {
  program
    .command('serve')
    .description('run the Telegram bot (long polling; a webhook server when WEBHOOK_URL is set) until Ctrl+C')
    .action(async () => {
      // Checked before opening the archive: loading the embedding model is slow and pointless without a token.
      if (!context.config().telegram.token) throw new MissingBotTokenError();
      checkServeConfig(context.config());
      // Before the slow part (the embedding model): a second poller of the same bot is refused at once.
      const claim = await claimLongPolling(context.config(), {
        onUnchecked: (reason) => context.logger().warn({ reason }, 'PostgreSQL is unreachable: long polling starts without its lock; Telegram refuses a second poller with 409'),
      });
      try {
        await serve(context);
      } finally {
        await claim.release();
      }
    });
};

async function serve(context: CliContext): Promise<void> {
  const { databaseUrl } = context.config();
  // Long polling with METRICS_PORT: /health says "opening" (503) until the bot is up.
  const metricsServer = await startEarlyMetricsServer(context.config(), context.logger());
  // The vectors are read on a worker thread: a restarted worker answers (from keywords) within seconds at any size.
  const archive = await context.openArchive({ vectorIndex: 'background' });
  // PostgreSQL mode: the replica follows the change log until the archive closes.
  archive.replica?.follow();
  const jobs = createBackgroundServices(archive);
  // With many workers on one PostgreSQL, one of them at a time sends digests and polls feeds.
  const services = databaseUrl === null ? jobs : [leaderOnlyServices(jobs, { connectionString: databaseUrl, logger: archive.logger })];
  // Every worker embeds queued chunks too (EMBED_WORKER=0 leaves that to `newsbot work`).
  if (archive.embeddingQueue && archive.config.embeddingQueue.serveWorker) {
    const { embeddingQueue: queue, embedder, logger } = archive;
    services.push(embeddingWorkerService({ queue, embedder, logger, leaseMs: archive.config.embeddingQueue.leaseMs }));
  }
  const server = await startServer(archive, { services, metricsServer });
  context.stderr(`newsbot: @${server.botUsername} is answering (${server.mode}); Ctrl+C stops it.\n`);
  let reason = 'the bot stopped with an error';
  try {
    reason = await waitForStop(server.done);
  } finally {
    // Also after a fatal bot error, so the services stop and the process can exit.
    await server.stop(reason);
  }
}

/** Resolves with the signal's name on SIGINT/SIGTERM; rejects when the bot stops by itself with an error. */
async function waitForStop(done: Promise<void>): Promise<string> {
  let onSignal: ((signal: NodeJS.Signals) => void) | undefined;
  const signalled = new Promise<string>((resolve) => {
    onSignal = (signal) => resolve(signal);
    for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  });
  try {
    return await Promise.race([signalled, done.then(() => 'stopped')]);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal!);
  }
}
