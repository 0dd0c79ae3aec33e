import type { Article } from '../article.js';

/** What indexing a feed's articles reports; the pipeline's `IndexSummary` has this shape. */
export interface FeedIndexSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Chunks written (new or replaced). */
  chunks: number;
}

/**
 * Indexes a feed's new or changed articles (`archive.indexArticles` in the application). The feed
 * poller takes this function rather than the archive, so ingest does not depend on the pipeline
 * that sits above it. `signal` aborts at shutdown, e.g. while waiting for another writer's lock.
 */
export type FeedIndexer = (articles: Article[], options: { signal: AbortSignal }) => Promise<FeedIndexSummary>;
