import type { RateLimitDecision, RateLimitStore } from '../rate-limit-store.js';
import type { SqlClient } from './sql-client.js';

/** Expired windows are removed by `take` at most this often (windows past their end never limit anyone anyway). */
const PRUNE_INTERVAL_MS = 60_000;

/** One take as the port asks for it. */
export interface WindowRequest {
  key: string;
  limit: number;
  windowMs: number;
  now: number;
}

/** Reads the key's window, decides with `takeFromWindow` and writes it back, as one transaction of the backend. */
export type TakeAtomically = (request: WindowRequest) => Promise<RateLimitDecision>;

/**
 * {@link RateLimitStore} on table `rate_limit_windows` (one row per key, the times in its window), written once for
 * both backends but for the take itself (`takeAtomically`): each backend reads and writes the row in its own kind of transaction, so
 * concurrent takes cannot both take the last slot, and decides with `takeFromWindow`.
 */
export class SqlRateLimitStore implements RateLimitStore {
  readonly #client: SqlClient;
  readonly #takeAtomically: TakeAtomically;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(client: SqlClient, takeAtomically: TakeAtomically) {
    this.#client = client;
    this.#takeAtomically = takeAtomically;
  }

  async take(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitDecision> {
    if (now - this.#prunedAt >= PRUNE_INTERVAL_MS) await this.prune(now);
    return this.#takeAtomically({ key, limit, windowMs, now });
  }

  async prune(now: number): Promise<number> {
    this.#prunedAt = now;
    return this.#client.run('DELETE FROM rate_limit_windows WHERE expires_at <= ?', [now]);
  }
}
