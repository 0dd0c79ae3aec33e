import { todayInTimezone } from '../digest/today-in-timezone.js';
import type { Logger } from '../log/logger.js';
import type { Retriever } from '../retrieval/passage.js';
import type { ArticleStore } from '../store/article-store.js';
import type { FollowStore } from '../store/follow-store.js';
import { deliverFollowAlerts, type SendFollowAlerts } from './deliver-follow-alerts.js';
import { findFollowAlerts } from './find-follow-alerts.js';

export interface FollowAlertServiceOptions {
  /** The articles as this process sees them (in PostgreSQL mode the worker's replica, which follows the change log). */
  articles: Pick<ArticleStore, 'articlesIngestedSince'>;
  retriever: Retriever;
  /** Of these articles, those whose every chunk the vector index holds (`vectorReadyArticles`). */
  isSearchable(articleIds: readonly string[]): Set<string>;
  follows: FollowStore;
  send: SendFollowAlerts;
  /** FOLLOW_ALERTS_PER_DAY. */
  alertsPerDay: number;
  /** DIGEST_TIMEZONE: the day the cap counts. */
  timezone: string;
  /** FOLLOW_POLL_SECONDS. */
  pollSeconds: number;
  logger: Logger;
  now?: () => Date;
}

/**
 * Articles ingested this long before the newest one judged are read again: another process's ingest can commit an
 * article stamped earlier than one already judged (a longer transaction, another clock); one not yet judged is judged.
 */
const LOOKBACK_MS = 2 * 60_000;
/** New articles judged per round at most. */
const ROUND_ARTICLES = 500;

/** The /follow alerts as a background service, with one round on demand for tests. */
export interface FollowAlertService {
  readonly name: string;
  start(): void;
  stop(): Promise<void>;
  /** Looks for new articles once; resolves the number of alerts sent. */
  runOnce(): Promise<number>;
}

/**
 * The background service behind /follow: every `pollSeconds` it reads the articles ingested since the newest it saw (by
 * any process: `newsbot ingest`, the feed poller, a PostgreSQL worker), judges them against every followed topic and
 * sends each chat its alerts. It starts from the oldest follow, so articles ingested while no service ran are found too.
 * Runs where the digest runs: the one `serve` of a home, or the PostgreSQL leader.
 */
export function createFollowAlertService(options: FollowAlertServiceOptions): FollowAlertService {
  const now = options.now ?? (() => new Date());
  /** Articles judged, with their ingest time in ms (an article ingested again is judged again). */
  const judged = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function round(): Promise<number> {
    const follows = await options.follows.all();
    if (follows.length === 0) return 0;
    const newestJudged = Math.max(...judged.values());
    const since = judged.size === 0 ? follows[0]!.createdAt : new Date(newestJudged - LOOKBACK_MS).toISOString();
    for (const [articleId, at] of judged) if (at < newestJudged - LOOKBACK_MS) judged.delete(articleId);
    const fresh = options.articles.articlesIngestedSince(since, ROUND_ARTICLES).filter((article) => judged.get(article.id) !== Date.parse(article.ingestedAt));
    // An article whose vectors the index does not hold yet would be judged on keywords alone: it waits for them.
    const ready = options.isSearchable(fresh.map((article) => article.id));
    const articles = fresh.filter((article) => ready.has(article.id));
    if (articles.length === 0) return 0;
    for (const article of articles) judged.set(article.id, Date.parse(article.ingestedAt));
    const alerts = await findFollowAlerts(follows, articles, { retriever: options.retriever });
    if (alerts.length === 0) return 0;
    const day = todayInTimezone(now(), options.timezone);
    return deliverFollowAlerts(alerts, { follows: options.follows, send: options.send, alertsPerDay: options.alertsPerDay, day, logger: options.logger });
  }

  function runOnce(): Promise<number> {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => options.logger.warn({ err: error }, 'follow alerts round failed; trying again'))
        .finally(() => {
          if (timer !== null) schedule();
        });
    }, options.pollSeconds * 1000);
    timer.unref();
  }

  return {
    name: 'follow alerts',
    runOnce,
    start() {
      if (timer === null) schedule();
    },
    async stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running?.catch(() => 0);
    },
  };
}
