import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Archive } from '../pipeline/archive.js';
import type { OpenArchiveOptions } from '../pipeline/open-archive.js';
import { embeddingWorkerService } from '../pipeline/embedding-queue/embedding-worker-service.js';
import { MissingBotTokenError } from '../bot/bot-errors.js';
import { checkServeConfig } from '../config/check-serve-config.js';
import { claimLongPolling } from './claim-long-polling.js';
import { createBackgroundServices } from './create-background-services.js';
import { leaderOnlyServices } from './leader-only-services.js';
import { replicaSeedService } from './replica-seed-service.js';
import { changeLogCompactionService } from './change-log-compaction-service.js';
import { startEarlyMetricsServer } from './metrics-server.js';
import { startServer } from './start-server.js';
import { waitForStop } from './wait-for-stop.js';

/** What {@link serve} needs from its caller (the CLI). */
export interface ServeOptions {
  config: Config;
  logger: Logger;
  /** Opens the archive (slow: the embedding model); called once the cheap checks passed. */
  openArchive(options: Pick<OpenArchiveOptions, 'vectorIndex'>): Promise<Archive>;
  /** Told once the bot answers: its @username and how it receives updates. */
  onStarted?(started: { botUsername: string; mode: 'polling' | 'webhook' }): void;
}

/**
 * The long-running process of `newsbot serve`: checks the settings, claims long polling, opens the archive, starts
 * the bot (long polling, or the webhook server when WEBHOOK_URL is set) and the background services, and runs
 * until SIGINT/SIGTERM or a fatal bot error; then stops the services and the bot. The caller closes the archive.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const { config, logger } = options;
  // Checked before opening the archive: loading the embedding model is slow and pointless without a token.
  if (!config.telegram.token) throw new MissingBotTokenError();
  checkServeConfig(config);
  // Before the slow part (the embedding model): a second poller of the same bot is refused at once.
  const claim = await claimLongPolling(config, {
    onUnchecked: (reason) => logger.warn({ reason }, 'PostgreSQL is unreachable: long polling starts without its lock; Telegram refuses a second poller with 409'),
  });
  try {
    await serveClaimed(options);
  } finally {
    await claim.release();
  }
}

async function serveClaimed(options: ServeOptions): Promise<void> {
  const { databaseUrl } = options.config;
  // Long polling with METRICS_PORT: /health says "opening" (503) until the bot is up.
  const metricsServer = await startEarlyMetricsServer(options.config, options.logger);
  // The vectors are read on a worker thread: a restarted worker answers (from keywords) within seconds at any size.
  const archive = await options.openArchive({ vectorIndex: 'background' });
  // PostgreSQL mode: the replica follows the change log until the archive closes.
  archive.replica?.follow();
  const jobs = createBackgroundServices(archive);
  const { replica } = archive;
  if (replica) jobs.push(changeLogCompactionService({ compact: () => replica.compactChangeLog(), logger: archive.logger }));
  if (replica && archive.config.replicaSeeds) jobs.push(replicaSeedService({ replica, embedderId: archive.embedder.id, logger: archive.logger }));
  // With many workers on one PostgreSQL, one of them at a time sends digests and polls feeds.
  const services = databaseUrl === null ? jobs : [leaderOnlyServices(jobs, { connectionString: databaseUrl, logger: archive.logger })];
  // Every worker embeds queued chunks too (EMBED_WORKER=0 leaves that to `newsbot work`).
  if (archive.embeddingQueue && archive.config.embeddingQueue.serveWorker) {
    const { embeddingQueue: queue, embedder, logger } = archive;
    services.push(embeddingWorkerService({ queue, embedder, logger, leaseMs: archive.config.embeddingQueue.leaseMs }));
  }
  const server = await startServer(archive, { services, ...(metricsServer ? { metricsServer } : {}) });
  options.onStarted?.({ botUsername: server.botUsername, mode: server.mode });
  let reason = 'the bot stopped with an error';
  try {
    reason = await waitForStop(server.done);
  } finally {
    // Also after a fatal bot error, so the services stop and the process can exit.
    await server.stop(reason);
  }
}
