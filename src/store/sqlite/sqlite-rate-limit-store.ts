import type Database from 'better-sqlite3';
import type { RateLimitDecision, RateLimitStore } from '../rate-limit-store.js';
import { takeFromWindow } from '../sql/take-from-window.js';

interface WindowRow {
  times: string;
  warned: number;
}

/** Expired windows are removed by `take` at most this often (windows past their end never limit anyone anyway). */
const PRUNE_INTERVAL_MS = 60_000;

/**
 * {@link RateLimitStore} on the newsbot SQLite database: one row per key (table `rate_limit_windows`)
 * holding the times in the window; `take` reads and writes it in one `BEGIN IMMEDIATE` transaction,
 * so processes sharing the file cannot both take the last slot.
 */
export class SqliteRateLimitStore implements RateLimitStore {
  readonly #database: Database.Database;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(database: Database.Database) {
    this.#database = database;
  }

  async take(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    if (now - this.#prunedAt >= PRUNE_INTERVAL_MS) this.#prune(now);
    return this.#database
      .transaction((): RateLimitDecision => {
        const row = this.#database.prepare('SELECT times, warned FROM rate_limit_windows WHERE key = ?').get(key) as WindowRow | undefined;
        const taken = takeFromWindow(row ? (JSON.parse(row.times) as number[]) : [], row?.warned === 1, limit, windowMs, now);
        this.#database
          .prepare(
            `INSERT INTO rate_limit_windows (key, times, warned, expires_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET times = excluded.times, warned = excluded.warned, expires_at = excluded.expires_at`,
          )
          .run(key, JSON.stringify(taken.times), taken.warned ? 1 : 0, taken.expiresAt);
        return taken.decision;
      })
      .immediate();
  }

  async prune(now: number): Promise<number> {
    return this.#prune(now);
  }

  #prune(now: number): number {
    this.#prunedAt = now;
    return this.#database.prepare('DELETE FROM rate_limit_windows WHERE expires_at <= ?').run(now).changes;
  }
}
