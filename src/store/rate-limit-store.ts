/** The outcome of asking for one more action within a rate limit. */
export type RateLimitDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** Seconds until the oldest action in the window expires. */
      retryAfterSeconds: number;
      /** True for the first refusal since the key was last allowed: reply then, stay quiet after. */
      firstRefusal: boolean;
    };

/**
 * Port: sliding rate-limit windows, one per key (e.g. a Telegram user). `take` is one atomic
 * operation in the store, so several workers sharing it cannot both take the last slot.
 * The SQLite adapter is `SqliteRateLimitStore`.
 */
export interface RateLimitStore {
  /** Records an action for `key` at `now` (ms since the epoch) if fewer than `limit` happened in the `windowMs` before it. */
  take(key: string, limit: number, windowMs: number, now: number): Promise<RateLimitDecision>;
  /** Forgets windows with nothing left in them at `now`. Resolves how many were removed. */
  prune(now: number): Promise<number>;
}
