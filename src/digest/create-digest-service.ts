import type Database from 'better-sqlite3';
import type { Telegraf } from 'telegraf';
import type { Archive } from '../pipeline/archive.js';
import type { DigestLanguage } from './digest-language.js';
import { createTelegrafDigestSender, type DigestSender } from './digest-sender.js';
import { DigestScheduler, type DigestSchedulerOptions } from './digest-scheduler.js';
import { SentDigestStore } from './sent-digest-store.js';
import { sharedDatabaseOf } from './shared-database-of.js';
import { SubscriptionStore } from './subscription-store.js';

/** Options for {@link createDigestService}. */
export interface DigestServiceOptions {
  /** The shared SQLite handle. Default: `archive.database` or `archive.store.database`. */
  database?: Database.Database;
  /** Replaces the telegraf sender (tests). */
  sender?: DigestSender;
  /** Language of the digest heading. Default `zh`. */
  language?: DigestLanguage;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Retry tuning passed to the scheduler. */
  send?: DigestSchedulerOptions['send'];
  laterRetryDelaysMs?: DigestSchedulerOptions['laterRetryDelaysMs'];
}

/** A background service `serve` starts and stops with the bot (fits `BackgroundService` in src/bot/background-service.ts). */
export interface DigestService {
  /** Shown in the server's logs. */
  readonly name: 'digest';
  /** Registers DIGEST_CHAT_IDS, arms the schedule and catches up on a missed digest for today (in the background). */
  start(): void;
  stop(): void;
  /** The scheduler, for tests and diagnostics. */
  readonly scheduler: DigestScheduler;
}

/**
 * The daily digest for `serve`: reads `archive.config.digest` (cron, timezone, chatIds), keeps
 * subscriptions and sent records in the archive's database, and posts through `telegram`.
 * Throws {@link DigestScheduleError} for an invalid DIGEST_CRON / DIGEST_TIMEZONE.
 */
export function createDigestService(archive: Archive, telegram: Telegraf['telegram'], options: DigestServiceOptions = {}): DigestService {
  const database = options.database ?? sharedDatabaseOf(archive);
  const now = options.now ?? (() => new Date());
  const { logger } = archive;
  const { cron, timezone, chatIds } = archive.config.digest;
  const subscriptions = new SubscriptionStore(database, now);
  const scheduler = new DigestScheduler({
    cron,
    timezone,
    store: archive.store,
    subscriptions,
    sentDigests: new SentDigestStore(database),
    sender: options.sender ?? createTelegrafDigestSender(telegram),
    logger,
    now,
    ...(options.language ? { language: options.language } : {}),
    ...(options.send ? { send: options.send } : {}),
    ...(options.laterRetryDelaysMs ? { laterRetryDelaysMs: options.laterRetryDelaysMs } : {}),
  });

  return {
    name: 'digest',
    scheduler,
    start() {
      for (const chatId of chatIds) {
        const { status, previousReason } = subscriptions.ensureConfigured(chatId);
        if (status === 'unsubscribed') logger.warn({ chatId }, 'DIGEST_CHAT_IDS lists a chat whose admins unsubscribed; not sending there');
        else if (status === 'reactivated') logger.info({ chatId, previousReason }, 'configured digest chat re-enabled');
        else if (status === 'added') logger.info({ chatId }, 'configured digest chat added');
      }
      scheduler.start().catch(() => undefined); // logged by the scheduler
    },
    stop() {
      scheduler.stop();
    },
  };
}
