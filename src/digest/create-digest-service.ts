import type { Telegraf } from 'telegraf';
import type { Archive } from '../pipeline/archive.js';
import type { SentDigestStore } from '../store/sent-digest-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import type { DigestLanguage } from './digest-language.js';
import { createTelegrafMessageSender, type MessageSender } from '../telegram/message-sender.js';
import { renderDigestMessages } from './render-digest-messages.js';
import { DigestScheduler, type DigestSchedulerOptions } from './digest-scheduler.js';

/** What {@link createDigestService} needs besides the archive; the stores are required, the rest has defaults. */
export interface DigestServiceOptions {
  /** The chats that get the digest (`archive.state.subscriptions` in `serve`). */
  subscriptions: SubscriptionStore;
  /** Which chat got which day's digest (`archive.state.sentDigests` in `serve`). */
  sentDigests: SentDigestStore;
  /** Digest content → Telegram HTML messages. Default `renderDigestMessages`. */
  render?: DigestSchedulerOptions['render'];
  /** Replaces the telegraf sender (tests). */
  sender?: MessageSender;
  /** Language of the digest heading. Default `zh`. */
  language?: DigestLanguage;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Retry tuning passed to the scheduler. */
  send?: DigestSchedulerOptions['send'];
  laterRetryDelaysMs?: DigestSchedulerOptions['laterRetryDelaysMs'];
}

/** A background service `serve` starts and stops with the bot (fits `BackgroundService` in src/serve/background-service.ts). */
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
 * subscriptions and sent records in the stores it is given, and posts through `telegram`.
 * Throws {@link DigestScheduleError} for an invalid DIGEST_CRON / DIGEST_TIMEZONE.
 */
export function createDigestService(archive: Archive, telegram: Telegraf['telegram'], options: DigestServiceOptions): DigestService {
  const now = options.now ?? (() => new Date());
  const { logger } = archive;
  const { cron, timezone, chatIds } = archive.config.digest;
  const { subscriptions, sentDigests } = options;
  const scheduler = new DigestScheduler({
    cron,
    timezone,
    store: archive.store,
    subscriptions,
    sentDigests,
    render: options.render ?? ((digest) => renderDigestMessages(digest)),
    sender: options.sender ?? createTelegrafMessageSender(telegram),
    logger,
    now,
    ...(options.language ? { language: options.language } : {}),
    ...(options.send ? { send: options.send } : {}),
    ...(options.laterRetryDelaysMs ? { laterRetryDelaysMs: options.laterRetryDelaysMs } : {}),
  });

  const registerConfiguredChats = async (): Promise<void> => {
    for (const chatId of chatIds) {
      const { status, previousReason } = await subscriptions.ensureConfigured(chatId);
      if (status === 'unsubscribed') logger.warn({ chatId }, 'DIGEST_CHAT_IDS lists a chat whose admins unsubscribed; not sending there');
      else if (status === 'reactivated') logger.info({ chatId, previousReason }, 'configured digest chat re-enabled');
      else if (status === 'added') logger.info({ chatId }, 'configured digest chat added');
    }
  };

  return {
    name: 'digest',
    scheduler,
    start() {
      const registered = registerConfiguredChats();
      registered.catch((error: unknown) => logger.error({ err: error }, 'could not register DIGEST_CHAT_IDS'));
      // The catch-up (and any run asked for after start) waits for the configured chats.
      scheduler.start(registered).catch(() => undefined); // logged by the scheduler
    },
    stop() {
      scheduler.stop();
    },
  };
}
