import type Database from 'better-sqlite3';
import type { RateLimitDecision, RateLimitStore } from '../rate-limit-store.js';

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
        const times = (row ? (JSON.parse(row.times) as number[]) : []).filter((time) => time > now - windowMs);
        if (times.length < limit) {
          times.push(now);
          this.#write(key, times, false, windowMs);
          return { allowed: true };
        }
        const firstRefusal = row?.warned !== 1;
        this.#write(key, times, true, windowMs);
        const oldest = times[0] ?? now;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)), firstRefusal };
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

  #write(key: string, times: number[], warned: boolean, windowMs: number): void {
    const expiresAt = Math.max(...times) + windowMs;
    this.#database
      .prepare(
        `INSERT INTO rate_limit_windows (key, times, warned, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET times = excluded.times, warned = excluded.warned, expires_at = excluded.expires_at`,
      )
      .run(key, JSON.stringify(times), warned ? 1 : 0, expiresAt);
  }
}
