import type pg from 'pg';
import { EMPTY_FEED_STATE, type FeedState, type FeedStateStore } from '../../ingest/feed/feed-state-store.js';

/** {@link FeedStateStore} on PostgreSQL (table `feed_states`, items as jsonb): whichever worker leads polls from where the last one stopped. */
export class PostgresFeedStateStore implements FeedStateStore {
  readonly #pool: pg.Pool;
  readonly #now: () => Date;

  constructor(pool: pg.Pool, now: () => Date = () => new Date()) {
    this.#pool = pool;
    this.#now = now;
  }

  async get(feedUrl: string): Promise<FeedState> {
    const { rows } = await this.#pool.query<{ etag: string | null; last_modified: string | null; items: Record<string, string> }>(
      'SELECT etag, last_modified, items FROM feed_states WHERE feed_url = $1',
      [feedUrl],
    );
    const row = rows[0];
    return row ? { etag: row.etag, lastModified: row.last_modified, items: row.items } : EMPTY_FEED_STATE;
  }

  async set(feedUrl: string, state: FeedState): Promise<void> {
    await this.#pool.query(
      `INSERT INTO feed_states (feed_url, etag, last_modified, items, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (feed_url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, items = excluded.items, updated_at = excluded.updated_at`,
      [feedUrl, state.etag, state.lastModified, JSON.stringify(state.items), this.#now()],
    );
  }
}
