import type pg from 'pg';
import type { RateLimitDecision } from '../rate-limit-store.js';
import { SqlRateLimitStore, type WindowRequest } from '../sql/sql-rate-limit-store.js';
import { takeFromWindow } from '../sql/take-from-window.js';
import { postgresClient } from './postgres-client.js';
import { withTransaction } from './with-transaction.js';

/**
 * `RateLimitStore` on PostgreSQL, shared by every worker. A take is one transaction whose first statement inserts or
 * locks the key's row (an upsert takes the row lock even when the row is new), so concurrent takes for one key, from
 * any worker, run one after another and cannot both take the last slot.
 */
export class PostgresRateLimitStore extends SqlRateLimitStore {
  constructor(pool: pg.Pool) {
    super(postgresClient(pool), (request) => takeInTransaction(pool, request));
  }
}

function takeInTransaction(pool: pg.Pool, { key, limit, windowMs, now }: WindowRequest): Promise<RateLimitDecision> {
  return withTransaction(pool, async (client): Promise<RateLimitDecision> => {
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
