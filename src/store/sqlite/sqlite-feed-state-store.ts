import type Database from 'better-sqlite3';
import { SqlFeedStateStore } from '../sql/sql-feed-state-store.js';
import { sqliteClient } from './sqlite-client.js';

/** `FeedStateStore` on the newsbot SQLite database (table `feed_states`, items as JSON text). */
export class SqliteFeedStateStore extends SqlFeedStateStore {
  constructor(database: Database.Database, now: () => Date = () => new Date()) {
    super(sqliteClient(database), now);
  }
}
