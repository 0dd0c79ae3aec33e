import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Cron } from 'croner';
import type { Logger } from '../log/logger.js';
import type { ArticleStore } from '../store/article-store.js';
import { buildDigest, type Digest } from './build-digest.js';
import { deliverDigest, type ChatOutcome } from './deliver-digest.js';
import type { DigestLanguage } from './digest-language.js';
import type { MessageSender } from '../telegram/message-sender.js';
import type { SendMessagesOptions } from '../telegram/send-messages.js';
import { startOfDayInTimezone } from './start-of-day-in-timezone.js';
import type { SentDigestStore } from '../store/sent-digest-store.js';
import type { Subscription, SubscriptionStore } from '../store/subscription-store.js';
import { todayInTimezone } from './today-in-timezone.js';

export type { ChatOutcome } from './deliver-digest.js';

/** What the scheduler needs; defaults in `DEFAULTS`. */
export interface DigestSchedulerOptions {
  /** Cron pattern (5 or 6 fields), e.g. `0 8 * * *`. */
  cron: string;
  /** IANA timezone the pattern and "today" are read in, e.g. `Asia/Shanghai`. */
  timezone: string;
  store: ArticleStore;
  subscriptions: SubscriptionStore;
  sentDigests: SentDigestStore;
  sender: MessageSender;
  /** Turns a digest's content into the messages to post (Telegram HTML: `renderDigestMessages`). */
  render: (digest: Digest) => string[];
  logger: Logger;
  /** Language of the digest heading. Default `zh`. */
  language?: DigestLanguage;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Backoff between attempts for one message (see {@link sendMessages}). */
  send?: Pick<SendMessagesOptions, 'sleep' | 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>;
  /** After a run with transient failures, wait these delays before running again. Default 5, 15 and 45 minutes. */
  laterRetryDelaysMs?: readonly number[];
  /** This worker's id in digest claims. Default `<hostname>:<pid>:<random>`, new for each scheduler. */
  workerId?: string;
  /**
   * How long a claim holds without progress before another worker may retake it (its claimant died).
   * Longer than one message's send with all its retries, so a slow but live worker keeps it. Default 10 minutes.
   */
  claimLeaseMs?: number;
  /** Waits between attempts to mark a sent digest while the store is away. Default 1, 2, 4, 8, 15, 30 and 30 s. */
  markRetryDelaysMs?: readonly number[];
}

/** The result of one {@link DigestScheduler.runDue} call. */
export interface DigestRunReport {
  /** Today (YYYY-MM-DD in the timezone) at the time of the run. */
  date: string;
  /** The first scheduled time today, or null when the pattern has no run today. */
  scheduledAt: Date | null;
  /** False before today's scheduled time: nothing was looked at. */
  due: boolean;
  articles: number;
  outcomes: ChatOutcome[];
}

/** Raised at construction for a pattern or timezone croner cannot use. */
export class DigestScheduleError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DigestScheduleError';
  }
}

const DEFAULTS = {
  language: 'zh',
  laterRetryDelaysMs: [5 * 60_000, 15 * 60_000, 45 * 60_000],
  claimLeaseMs: 10 * 60_000,
  markRetryDelaysMs: [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000],
} as const;

/**
 * Sends each day's digest once to every active subscription, however many workers run a scheduler.
 * Exactly-once rests on the sent-digest store: a run claims a chat's digest before sending it
 * (one worker wins), records each message Telegram accepts, and marks the digest sent at the end;
 * a claim whose worker died can be retaken after its lease, resuming after the last recorded
 * message. `runDue` is therefore safe to call at any time; the cron tick, the catch-up on start
 * and the later retries all call it, one run at a time.
 */
export class DigestScheduler {
  readonly #options: DigestSchedulerOptions;
  readonly #now: () => Date;
  readonly #pattern: Cron;
  #job: Cron | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #retryTimer: NodeJS.Timeout | null = null;
  /** A run when another worker's claim runs out (it may have died holding it). */
  #claimTimer: NodeJS.Timeout | null = null;
  readonly #workerId: string;
  /** Later retries used per date. */
  readonly #retriesUsed = new Map<string, number>();
  /** Messages already delivered per `chat|date`, so a resumed send does not repeat them. */
  readonly #partial = new Map<string, number[]>();

  constructor(options: DigestSchedulerOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.#workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    try {
      this.#pattern = new Cron(options.cron, { timezone: options.timezone, paused: true });
      this.#pattern.nextRun();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new DigestScheduleError(
        `invalid digest schedule "${options.cron}" in timezone "${options.timezone}": ${detail}; ` +
          'set DIGEST_CRON to a cron pattern such as "0 8 * * *" and DIGEST_TIMEZONE to an IANA name such as "Asia/Shanghai"',
        { cause: error },
      );
    }
  }

  /**
   * Arms the cron job and catches up on today's digest if its time has passed, once `ready` settles
   * (e.g. the configured chats are registered); runs asked for meanwhile queue behind the catch-up.
   * Resolves with the catch-up run.
   */
  start(ready: Promise<unknown> = Promise.resolve()): Promise<DigestRunReport> {
    this.#queue = this.#queue.then(() => ready).catch(() => undefined);
    if (!this.#job) {
      this.#job = new Cron(this.#options.cron, { timezone: this.#options.timezone, catch: true, unref: true }, async () => {
        await this.#runLogged('schedule');
      });
      this.#options.logger.info({ cron: this.#options.cron, timezone: this.#options.timezone, next: this.#job.nextRun()?.toISOString() }, 'digest scheduler started');
    }
    return this.#runLogged('catch-up');
  }

  /** Stops the cron job and pending retries; a run in progress finishes. */
  stop(): void {
    this.#job?.stop();
    this.#job = null;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    if (this.#claimTimer) clearTimeout(this.#claimTimer);
    this.#claimTimer = null;
  }

  /** This worker's id in digest claims. */
  get workerId(): string {
    return this.#workerId;
  }

  /** Sends today's digest to every active chat that has not received it, if today's scheduled time has passed. */
  runDue(now: Date = this.#now()): Promise<DigestRunReport> {
    const run = this.#queue.then(() => this.#run(now));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** The first scheduled time on a date (YYYY-MM-DD, in the timezone), or null when none falls on it. */
  scheduledTimeOn(date: string): Date | null {
    const beforeMidnight = new Date(startOfDayInTimezone(date, this.#options.timezone).getTime() - 1000);
    const next = this.#pattern.nextRun(beforeMidnight);
    return next && todayInTimezone(next, this.#options.timezone) === date ? next : null;
  }

  async #runLogged(trigger: 'schedule' | 'catch-up' | 'retry'): Promise<DigestRunReport> {
    try {
      return await this.runDue();
    } catch (error) {
      this.#options.logger.error({ err: error, trigger }, 'digest run failed');
      throw error;
    }
  }

  async #run(now: Date): Promise<DigestRunReport> {
    const { logger, timezone } = this.#options;
    const date = todayInTimezone(now, timezone);
    const scheduledAt = this.scheduledTimeOn(date);
    const report: DigestRunReport = { date, scheduledAt, due: false, articles: 0, outcomes: [] };
    if (!scheduledAt || scheduledAt.getTime() > now.getTime()) {
      logger.debug({ date, scheduledAt: scheduledAt?.toISOString() ?? null }, 'digest not due yet');
      return report;
    }
    report.due = true;
    const pending: Subscription[] = [];
    for (const subscription of await this.#options.subscriptions.activeSubscriptions()) {
      if (await this.#options.sentDigests.wasSent(subscription.chatId, date)) {
        report.outcomes.push({ chatId: subscription.chatId, status: 'already-sent' });
      } else if (subscription.source === 'command' && subscription.activeSince > scheduledAt.toISOString()) {
        // Subscribed by command after today's digest time: it starts tomorrow. Configured chats
        // (DIGEST_CHAT_IDS) wanted today's digest before the process started, so they catch up.
        report.outcomes.push({ chatId: subscription.chatId, status: 'not-yet-subscribed' });
      } else {
        pending.push(subscription);
      }
    }
    const skipped = report.outcomes.map((outcome) => `${outcome.chatId}:${outcome.status}`);
    if (skipped.length > 0) logger.debug({ date, skipped }, 'digest chats skipped');
    if (pending.length === 0) return report;

    const digest = buildDigest(this.#options.store, date, { language: this.#options.language ?? DEFAULTS.language });
    report.articles = digest.articles.length;
    const messages = digest.articles.length === 0 ? [] : this.#options.render(digest);
    if (messages.length === 0) {
      logger.info({ date, chats: pending.length }, 'no articles today; no digest sent');
      return report;
    }
    const context = {
      ...this.#options,
      now: this.#now,
      partial: this.#partial,
      workerId: this.#workerId,
      claimLeaseMs: this.#options.claimLeaseMs ?? DEFAULTS.claimLeaseMs,
      markRetryDelaysMs: this.#options.markRetryDelaysMs ?? DEFAULTS.markRetryDelaysMs,
    };
    for (const subscription of pending) {
      report.outcomes.push(...(await deliverDigest(subscription.chatId, { date, messages }, context)));
    }
    this.#logSummary(report);
    this.#scheduleRetryIfNeeded(report);
    this.#scheduleClaimCheck(report, now);
    return report;
  }

  #logSummary(report: DigestRunReport): void {
    const count = (status: ChatOutcome['status']): number => report.outcomes.filter((outcome) => outcome.status === status).length;
    this.#options.logger.info(
      {
        date: report.date,
        articles: report.articles,
        sent: count('sent'),
        alreadySent: count('already-sent'),
        claimedElsewhere: count('claimed-elsewhere'),
        disabled: count('disabled'),
        failed: count('failed'),
      },
      'digest run finished',
    );
  }

  /** Runs again when the last claim held by another worker runs out: if that worker died, this one finishes its digest. */
  #scheduleClaimCheck(report: DigestRunReport, now: Date): void {
    const expiries = report.outcomes.flatMap((outcome) => (outcome.status === 'claimed-elsewhere' && outcome.retryAt ? [outcome.retryAt.getTime()] : []));
    if (expiries.length === 0 || !this.#job || this.#claimTimer) return;
    // A second past the latest expiry, measured on this clock (the store's may differ a little; a run too early just waits again).
    const delayMs = Math.max(1_000, Math.max(...expiries) - now.getTime() + 1_000);
    this.#claimTimer = this.#retryLater(delayMs, () => {
      this.#claimTimer = null;
    });
    this.#options.logger.info({ date: report.date, delayMs }, 'digest claimed elsewhere; looking again when the claim runs out');
  }

  #scheduleRetryIfNeeded(report: DigestRunReport): void {
    if (!report.outcomes.some((outcome) => outcome.status === 'failed' && outcome.transient)) return;
    const delays = this.#options.laterRetryDelaysMs ?? DEFAULTS.laterRetryDelaysMs;
    const used = this.#retriesUsed.get(report.date) ?? 0;
    const delayMs = delays[used];
    if (delayMs === undefined || !this.#job || this.#retryTimer) return;
    this.#retriesUsed.set(report.date, used + 1);
    this.#retryTimer = this.#retryLater(delayMs, () => {
      this.#retryTimer = null;
    });
    this.#options.logger.info({ date: report.date, delayMs }, 'digest retry scheduled');
  }

  /** A retry run after `delayMs` (never what keeps the process alive); `onFire` clears the caller's timer first. */
  #retryLater(delayMs: number, onFire: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      onFire();
      void this.#runLogged('retry').catch(() => undefined);
    }, delayMs);
    timer.unref();
    return timer;
  }
}
