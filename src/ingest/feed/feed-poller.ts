import type { IngestError } from '../article.js';
import type { Logger } from '../../log/logger.js';
import type { FeedIndexer } from './feed-indexer.js';
import type { FetchOptions } from '../fetch/fetch-options.js';
import type { FeedStateStore } from './feed-state-store.js';
import { pollFeed, type FeedPollRead } from './poll-feed.js';
import { metrics } from '../../log/metrics.js';

/** Timers and time, replaceable in tests. */
export interface PollerClock {
  now(): Date;
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the poller works with, passed in by the application (`createBackgroundServices`). */
export interface FeedPollerDependencies {
  /** Indexes new or changed items: `archive.indexArticles`. */
  indexArticles: FeedIndexer;
  logger: Logger;
  /** ETags, Last-Modified and seen items per feed, kept across restarts: `archive.state.feedStates`. */
  states: FeedStateStore;
}

/** Options for `createFeedPoller`. */
export interface FeedPollerOptions {
  /** Feed (or page) URLs to poll: `Config.feeds.urls`. */
  urls: readonly string[];
  /** Minutes between the end of one poll and the start of the next: `Config.feeds.intervalMinutes`. */
  intervalMinutes: number;
  /** Fetch settings (see `fetchOptionsFromConfig`). */
  fetchOptions?: FetchOptions;
  clock?: PollerClock;
  /** Passed to the feed reader (default 200). */
  minFullTextChars?: number;
}

/** The outcome for one feed in one poll. */
export interface FeedPollResult {
  url: string;
  status: 'not-modified' | 'indexed' | 'failed';
  /** New or changed articles handed to the index. */
  newOrChanged: number;
  /** Items already indexed and unchanged, not read again. */
  unchangedItems: number;
  errors: IngestError[];
}

/** What one poll did, over all feeds. */
export interface PollSummary {
  startedAt: string;
  feeds: FeedPollResult[];
  /** Sums of the indexer's summaries; `failed` counts item and feed errors. */
  articles: { added: number; updated: number; unchanged: number; failed: number };
  chunks: number;
  errors: IngestError[];
}

/** Polls feeds on a schedule and indexes what is new, so the running archive answers from it at once. */
export interface FeedPoller {
  /** Polls now, then every interval after each poll ends. */
  start(): void;
  /** Stops the schedule, cancels requests in flight and waits for the current poll to end. */
  stop(): Promise<void>;
  /** One poll of every feed; a call while a poll runs joins that poll instead of overlapping it. */
  pollOnce(): Promise<PollSummary>;
}

const systemClock: PollerClock = {
  now: () => new Date(),
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Creates a poller: conditional requests per feed (state in `dependencies.states`),
 * new or changed items through `dependencies.indexArticles`, every outcome logged.
 * One failing feed never stops the others.
 */
export function createFeedPoller(dependencies: FeedPollerDependencies, options: FeedPollerOptions): FeedPoller {
  const clock = options.clock ?? systemClock;
  const logger = dependencies.logger.child({ component: 'feed-poller' });
  const { states } = dependencies;
  const cancel = new AbortController();
  const fetchOptions: FetchOptions = { ...options.fetchOptions, signal: cancel.signal };
  let inFlight: Promise<PollSummary> | null = null;
  let timer: unknown = null;
  let running = false;

  const readFeed = async (url: string): Promise<FeedPollRead | Error> => {
    try {
      return await pollFeed(url, await states.get(url), fetchOptions, options.minFullTextChars);
    } catch (error) {
      return error as Error;
    }
  };

  const poll = async (): Promise<PollSummary> => {
    const summary: PollSummary = { startedAt: clock.now().toISOString(), feeds: [], articles: { added: 0, updated: 0, unchanged: 0, failed: 0 }, chunks: 0, errors: [] };
    // Feeds are fetched together (the per-host limiter keeps it polite) but indexed one at a time.
    const reads = await Promise.all(options.urls.map(readFeed));
    for (const [index, url] of options.urls.entries()) {
      const read = reads[index];
      const result: FeedPollResult = { url, status: 'failed', newOrChanged: 0, unchangedItems: 0, errors: [] };
      try {
        if (!read || read instanceof Error) throw read ?? new Error('no result');
        result.errors = read.errors;
        result.unchangedItems = read.unchangedItems;
        result.newOrChanged = read.articles.length;
        if (read.articles.length > 0) {
          // The signal ends a wait for the write lock (an ingest running beside serve) at shutdown.
          const indexed = await dependencies.indexArticles(read.articles, { signal: cancel.signal });
          summary.articles.added += indexed.added;
          summary.articles.updated += indexed.updated;
          summary.articles.unchanged += indexed.unchanged;
          summary.chunks += indexed.chunks;
        }
        if (read.status === 'read') await states.set(url, read.nextState);
        result.status = read.status === 'not-modified' ? 'not-modified' : 'indexed';
        for (const error of read.errors) logger.warn({ feed: url, source: error.source }, error.message);
        const { control, bidi, loneSurrogate } = read.removedCharacters;
        if (control + bidi + loneSurrogate > 0) logger.info({ feed: url, removedCharacters: read.removedCharacters }, 'removed unsafe characters from feed articles');
        logger.info({ feed: url, status: result.status, newOrChanged: result.newOrChanged, unchangedItems: result.unchangedItems, failedItems: read.errors.length }, 'feed polled');
      } catch (error) {
        result.errors = [...result.errors, { source: url, message: (error as Error).message }];
        logger.error({ feed: url, err: error }, `feed poll failed: ${(error as Error).message}`);
      }
      summary.feeds.push(result);
      metrics.feedPolls.inc({ outcome: result.status });
      summary.errors.push(...result.errors);
      summary.articles.failed += result.errors.length;
    }
    return summary;
  };

  const pollOnce = (): Promise<PollSummary> => {
    inFlight ??= poll().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const scheduleNext = (milliseconds: number): void => {
    if (!running) return;
    timer = clock.setTimeout(() => {
      timer = null;
      void pollOnce()
        .catch((error: unknown) => logger.error({ err: error }, 'feed poll crashed'))
        .finally(() => scheduleNext(options.intervalMinutes * 60_000));
    }, milliseconds);
  };

  return {
    start() {
      if (running) return;
      running = true;
      logger.info({ feeds: options.urls.length, intervalMinutes: options.intervalMinutes }, 'feed polling started');
      scheduleNext(0);
    },
    async stop() {
      running = false;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      cancel.abort();
      await inFlight?.catch(() => undefined);
    },
    pollOnce,
  };
}
