import { randomBytes } from 'node:crypto';
import type { Telegraf } from 'telegraf';
import type { BotContext } from '../bot/shared/bot-context.js';
import { botDepsFromArchive } from './bot-deps-from-archive.js';
import type { Archive, ArchiveReplica } from '../pipeline/archive.js';
import type { ApiRetryOptions } from '../telegram/retry-bot-api-calls.js';
import { publishMenuCommands } from '../bot/shared/menu-commands.js';
import type { BackgroundService } from './background-service.js';
import { BotStartError, MissingBotTokenError, PollingConflictError } from '../bot/bot-errors.js';
import { isPollingConflict } from '../telegram/is-polling-conflict.js';
import type { Logger } from '../log/logger.js';
import { confirmUpdateOffset, pollUpdates } from './polling/poll-updates.js';
import { createUpdateScheduler } from './polling/update-scheduler.js';
import { createBot } from '../bot/create-bot.js';
import { createQuestionLogCleanup } from '../question-log/question-log-cleanup.js';
import { checkServeConfig } from '../config/check-serve-config.js';
import { metrics } from '../log/metrics.js';
import { startMetricsServer, type MetricsServer } from './metrics-server.js';
import { startWebhookServer } from './webhook-server.js';
import type { HealthReport } from './http/health-report.js';

/** A replica further behind than this answers stale questions: /health says not ready, so the load balancer skips it. */
const REPLICA_MAX_LAG_MS = 120_000;

export interface StartServerOptions {
  /** Started after the bot, stopped before it (in reverse order): digest scheduler, feed poller… */
  services?: readonly BackgroundService[];
  /** Interface for the webhook server; default WEBHOOK_HOST (all interfaces when unset). Tests pass 127.0.0.1. */
  webhookHost?: string;
  /** Retry policy for Bot API calls. */
  apiRetry?: ApiRetryOptions;
  /**
   * The /metrics and detailed /health server, when the caller started it before opening the archive (so /health
   * said "opening" meanwhile); closed on stop. Default: started here when METRICS_PORT is set.
   */
  metricsServer?: MetricsServer;
}

export interface RunningServer {
  readonly bot: Telegraf<BotContext>;
  readonly mode: 'polling' | 'webhook';
  /** The bot's @username (without the @), from getMe. */
  readonly botUsername: string;
  /** The local port of the webhook server, or null when long polling. */
  readonly webhookPort: number | null;
  /** The local port of the metrics server (METRICS_PORT), or null. */
  readonly metricsPort: number | null;
  /** Settles when the bot stops by itself: rejects on a fatal error (token revoked, another instance polling the same bot). */
  readonly done: Promise<void>;
  /** Stops the services, then the bot (in-flight updates finish). Safe to call more than once. The archive stays open. */
  stop(reason?: string): Promise<void>;
}

/**
 * What `newsbot serve` runs, shared with the integration tests: builds the bot on the archive, checks the token
 * with getMe, publishes the command menu, receives updates by long polling (or webhook when WEBHOOK_URL is set),
 * then starts the background services.
 */
export async function startServer(archive: Archive, options: StartServerOptions = {}): Promise<RunningServer> {
  const settings = archive.config.telegram;
  const logger = archive.logger;
  if (!settings.token) throw new MissingBotTokenError();
  // `serve` checked these already; tests and embedders calling startServer directly get the same refusal.
  checkServeConfig(archive.config);
  const deps = await botDepsFromArchive(archive);
  const bot = createBot(deps, { apiRetry: options.apiRetry });

  try {
    bot.botInfo = await bot.telegram.getMe();
  } catch (error) {
    throw startError(error, settings.apiRoot);
  }
  await publishMenuCommands(bot, settings.staffUserIds, logger);

  const receiver = settings.webhookUrl
    ? await startWebhookReceiver(bot, archive, options.webhookHost ?? settings.webhookHost ?? undefined)
    : await startPollingReceiver(bot, logger);
  logger.info({ bot: bot.botInfo.username, mode: receiver.mode }, 'bot started');
  const replica = archive.replica;
  if (replica) metrics.observeReplica(() => replica.status());
  const { port: metricsPort, host: metricsHost } = archive.config.metrics;
  const ownMetricsServer = !options.metricsServer && metricsPort !== null ? await startMetricsServer({ port: metricsPort, host: metricsHost, logger }) : null;
  const metricsServer = options.metricsServer ?? ownMetricsServer;
  metricsServer?.setHealth(replica ? replicaHealth(replica) : () => ({ ready: true, details: {} }));

  const started: BackgroundService[] = [];
  let stopping: Promise<void> | null = null;
  const stop = (reason = 'stop') =>
    (stopping ??= (async () => {
      for (const service of [...started].reverse()) {
        try {
          await service.stop();
        } catch (error) {
          logger.error({ service: service.name, error: error instanceof Error ? error.message : String(error) }, 'service failed to stop');
        }
      }
      await receiver.stop(reason);
      await metricsServer?.close();
      logger.info({ reason }, 'bot stopped');
    })());

  // Every worker cleans its own question log: in PostgreSQL mode each keeps it in its local database.
  const cleanup = createQuestionLogCleanup(archive.state.questionLog, { retentionDays: archive.config.questionLog.retentionDays, logger });
  try {
    for (const service of [cleanup, ...(options.services ?? [])]) {
      await service.start();
      started.push(service);
    }
  } catch (error) {
    await stop('a service failed to start');
    throw error;
  }
  return { bot, mode: receiver.mode, botUsername: bot.botInfo.username, webhookPort: receiver.webhookPort, metricsPort: metricsServer?.port ?? null, done: receiver.done, stop };
}

interface Receiver {
  mode: 'polling' | 'webhook';
  webhookPort: number | null;
  done: Promise<void>;
  stop(reason: string): Promise<void>;
}

/**
 * Long polling with updates handled side by side (see `createUpdateScheduler`): a reader waiting for a slow answer
 * holds up nobody else. Stopping cancels the poll in flight, waits for the updates already handed over, then
 * confirms the offset, so a restart neither loses nor repeats them.
 */
async function startPollingReceiver(bot: Telegraf<BotContext>, logger: Logger): Promise<Receiver> {
  // A webhook left over from an earlier deployment would make getUpdates fail with 409.
  await bot.telegram.deleteWebhook({ drop_pending_updates: false });
  const scheduler = createUpdateScheduler({
    // Looked up on each call: tests wrap bot.handleUpdate to learn when an update is done.
    handle: (update) => bot.handleUpdate(update),
    onError: (error, update) => logger.error({ updateId: update.update_id, err: error }, 'update failed outside the bot error handler'),
  });
  const polling = new AbortController();
  const loop = pollUpdates({ telegram: bot.telegram, onUpdate: (update) => scheduler.schedule(update), signal: polling.signal, logger });
  const done = loop.then(
    () => undefined,
    (error: unknown) => {
      // Telegram's 409 means another poller: say what it means instead of Telegram's words alone.
      if (!isPollingConflict(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new PollingConflictError('telegram-409', `Telegram answered getUpdates with ${reason}`, { cause: error });
    },
  );
  done.catch(() => {}); // observed by the caller through `done`; never an unhandled rejection
  return {
    mode: 'polling',
    webhookPort: null,
    done,
    stop: async () => {
      polling.abort();
      const offset = await loop.catch(() => null);
      await scheduler.drain();
      if (offset !== null) await confirmUpdateOffset(bot.telegram, offset).catch((error: unknown) => logger.warn({ err: error }, 'could not confirm the last update offset'));
    },
  };
}

async function startWebhookReceiver(bot: Telegraf<BotContext>, archive: Archive, host: string | undefined): Promise<Receiver> {
  const settings = archive.config.telegram;
  // The configuration checked WEBHOOK_SECRET's characters (A-Z a-z 0-9 _ -, as Telegram requires).
  const secret = settings.webhookSecret ?? randomBytes(32).toString('hex');
  const server = await startWebhookServer(bot, {
    url: settings.webhookUrl!,
    port: settings.webhookPort,
    host,
    serveMetrics: archive.config.metrics.onWebhookPort,
    secret,
    logger: archive.logger,
    health: archive.replica ? replicaHealth(archive.replica) : undefined,
  }).catch((error: unknown) => {
    throw startError(error, settings.apiRoot);
  });
  return { mode: 'webhook', webhookPort: server.port, done: new Promise<void>(() => {}), stop: () => server.close() };
}

/** /health of a PostgreSQL-mode worker: ready once its replica can answer, and while it is not far behind. */
function replicaHealth(replica: ArchiveReplica): () => HealthReport {
  return () => {
    const status = replica.status();
    return { ready: status.ready && (status.lagMs ?? 0) <= REPLICA_MAX_LAG_MS, details: { replica: status } };
  };
}

function startError(error: unknown, apiRoot: string | null): BotStartError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 401 || code === 404) {
    return new BotStartError(`Telegram refused the bot token (${message}). Check TELEGRAM_BOT_TOKEN, or get a new one from @BotFather with /token.`, { cause: error });
  }
  return new BotStartError(`could not start the bot on the Bot API at ${apiRoot ?? 'https://api.telegram.org'}: ${message}`, { cause: error });
}
