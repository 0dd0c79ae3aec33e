import type Database from 'better-sqlite3';
import { EMPTY_FEED_STATE, type FeedState, type FeedStateStore } from '../../ingest/feed/feed-state-store.js';

interface FeedStateRow {
  etag: string | null;
  last_modified: string | null;
  items: string;
}

/** {@link FeedStateStore} on the newsbot SQLite database (table `feed_states`, items as JSON). */
export class SqliteFeedStateStore implements FeedStateStore {
  readonly #database: Database.Database;
  readonly #now: () => Date;

  constructor(database: Database.Database, now: () => Date = () => new Date()) {
    this.#database = database;
    this.#now = now;
  }

  async get(feedUrl: string): Promise<FeedState> {
    const row = this.#database.prepare('SELECT etag, last_modified, items FROM feed_states WHERE feed_url = ?').get(feedUrl) as FeedStateRow | undefined;
    if (!row) return EMPTY_FEED_STATE;
    return { etag: row.etag, lastModified: row.last_modified, items: JSON.parse(row.items) as Record<string, string> };
  }

  async set(feedUrl: string, state: FeedState): Promise<void> {
    this.#database
      .prepare(
        `INSERT INTO feed_states (feed_url, etag, last_modified, items, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (feed_url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           items = excluded.items, updated_at = excluded.updated_at`,
      )
      .run(feedUrl, state.etag, state.lastModified, JSON.stringify(state.items), this.#now().toISOString());
  }
}
