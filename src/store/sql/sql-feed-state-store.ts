import { EMPTY_FEED_STATE, type FeedState, type FeedStateStore } from '../../ingest/feed/feed-state-store.js';
import { decodeJson } from './decode-column.js';
import type { SqlClient } from './sql-client.js';

interface FeedStateRow {
  etag: string | null;
  last_modified: string | null;
  /** JSON text in SQLite, jsonb in PostgreSQL. */
  items: string | Record<string, string>;
}

/** {@link FeedStateStore} written once for both backends (table `feed_states`, items as JSON). */
export class SqlFeedStateStore implements FeedStateStore {
  readonly #client: SqlClient;
  readonly #now: () => Date;

  constructor(client: SqlClient, now: () => Date = () => new Date()) {
    this.#client = client;
    this.#now = now;
  }

  async get(feedUrl: string): Promise<FeedState> {
    const [row] = await this.#client.rows<FeedStateRow>('SELECT etag, last_modified, items FROM feed_states WHERE feed_url = ?', [feedUrl]);
    return row ? { etag: row.etag, lastModified: row.last_modified, items: decodeJson(row.items) } : EMPTY_FEED_STATE;
  }

  async set(feedUrl: string, state: FeedState): Promise<void> {
    await this.#client.run(
      `INSERT INTO feed_states (feed_url, etag, last_modified, items, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (feed_url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         items = excluded.items, updated_at = excluded.updated_at`,
      [feedUrl, state.etag, state.lastModified, JSON.stringify(state.items), this.#now()],
    );
  }
}
