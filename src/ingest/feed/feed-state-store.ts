/** What the feed poller remembers about one feed between polls (and restarts). */
export interface FeedState {
  /** Validators from the last complete read; null forces a full fetch. */
  etag: string | null;
  lastModified: string | null;
  /** articleId → fingerprint of every item read successfully and still in the feed. */
  items: Record<string, string>;
}

/** The state of a feed never polled. */
export const EMPTY_FEED_STATE: FeedState = Object.freeze({ etag: null, lastModified: null, items: Object.freeze({}) as Record<string, string> });

/**
 * Port: feed poll state per feed URL, kept across restarts. Declared here, beside its user, because
 * ingest sits below store; the SQLite adapter is `SqliteFeedStateStore` in src/store/.
 */
export interface FeedStateStore {
  /** The state last set for the feed, or {@link EMPTY_FEED_STATE}. */
  get(feedUrl: string): Promise<FeedState>;
  /** Replaces the feed's state. */
  set(feedUrl: string, state: FeedState): Promise<void>;
}
