import type pg from 'pg';
import { SqlFeedStateStore } from '../sql/sql-feed-state-store.js';
import { postgresClient } from './postgres-client.js';

/** `FeedStateStore` on PostgreSQL (table `feed_states`, items as jsonb): whichever worker leads polls from where the last one stopped. */
export class PostgresFeedStateStore extends SqlFeedStateStore {
  constructor(pool: pg.Pool, now: () => Date = () => new Date()) {
    super(postgresClient(pool), now);
  }
}
