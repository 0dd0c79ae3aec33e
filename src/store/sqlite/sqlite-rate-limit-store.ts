import type Database from 'better-sqlite3';
import type { RateLimitDecision } from '../rate-limit-store.js';
import { SqlRateLimitStore, type WindowRequest } from '../sql/sql-rate-limit-store.js';
import { takeFromWindow } from '../sql/take-from-window.js';
import { sqliteClient } from './sqlite-client.js';

interface WindowRow {
  times: string;
  warned: number;
}

/**
 * `RateLimitStore` on the newsbot SQLite database: a take reads and writes the key's row in one `BEGIN IMMEDIATE`
 * transaction, so processes sharing the file cannot both take the last slot.
 */
export class SqliteRateLimitStore extends SqlRateLimitStore {
  constructor(database: Database.Database) {
    super(sqliteClient(database), (request) => takeInTransaction(database, request));
  }
}

function takeInTransaction(database: Database.Database, { key, limit, windowMs, now }: WindowRequest): Promise<RateLimitDecision> {
  const decide = database.transaction((): RateLimitDecision => {
    const row = database.prepare('SELECT times, warned FROM rate_limit_windows WHERE key = ?').get(key) as WindowRow | undefined;
    const taken = takeFromWindow(row ? (JSON.parse(row.times) as number[]) : [], row?.warned === 1, limit, windowMs, now);
    database
      .prepare(
        `INSERT INTO rate_limit_windows (key, times, warned, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET times = excluded.times, warned = excluded.warned, expires_at = excluded.expires_at`,
      )
      .run(key, JSON.stringify(taken.times), taken.warned ? 1 : 0, taken.expiresAt);
    return taken.decision;
  });
  return Promise.resolve(decide.immediate());
}
