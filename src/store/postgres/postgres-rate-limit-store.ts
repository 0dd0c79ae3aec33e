import type pg from 'pg';
import type { RateLimitDecision, RateLimitStore } from '../rate-limit-store.js';
import { takeFromWindow } from '../sql/take-from-window.js';
import { withTransaction } from './with-transaction.js';

/** Expired windows are removed by `take` at most this often (windows past their end never limit anyone anyway). */
const PRUNE_INTERVAL_MS = 60_000;

/**
 * {@link RateLimitStore} on PostgreSQL (table `rate_limit_windows`), shared by every worker. `take`
 * is one transaction whose first statement inserts or locks the key's row (an upsert takes the row
 * lock even when the row is new), so concurrent takes for one key, from any worker, run one after
 * another and cannot both take the last slot.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  readonly #pool: pg.Pool;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async take(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    if (now - this.#prunedAt >= PRUNE_INTERVAL_MS) await this.prune(now);
    return withTransaction(this.#pool, async (client): Promise<RateLimitDecision> => {
      const { rows } = await client.query<{ times: string[]; warned: boolean }>(
        `INSERT INTO rate_limit_windows (key, times, warned, expires_at) VALUES ($1, '{}', false, 0)
         ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING times, warned`,
        [key],
      );
      const row = rows[0]!;
      const taken = takeFromWindow(row.times.map(Number), row.warned, limit, windowMs, now);
      await client.query('UPDATE rate_limit_windows SET times = $2, warned = $3, expires_at = $4 WHERE key = $1', [key, taken.times, taken.warned, taken.expiresAt]);
      return taken.decision;
    });
  }

  async prune(now: number): Promise<number> {
    this.#prunedAt = now;
    const { rowCount } = await this.#pool.query('DELETE FROM rate_limit_windows WHERE expires_at <= $1', [now]);
    return rowCount ?? 0;
  }
}
