import type { RateLimitDecision, RateLimitStore } from '../../../store/rate-limit-store.js';

export type { RateLimitDecision } from '../../../store/rate-limit-store.js';

/**
 * Sliding windows: at most `limit` actions per key in any `windowMs` milliseconds. The windows live in a
 * {@link RateLimitStore}, so they survive a restart and hold across workers sharing the store.
 */
export class SlidingWindowRateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly windowMs: number = 60_000,
    private readonly now: () => number = Date.now,
    /** Told when the store fails; the action is then admitted. Default: nothing. */
    private readonly onStoreError: (error: unknown) => void = () => {},
  ) {}

  /**
   * Records an action under `key` if fewer than `limit` happened in the window. Fails open: while the store is
   * away (PostgreSQL restarting) readers are answered rather than silently dropped.
   */
  async take(key: string, limit: number): Promise<RateLimitDecision> {
    try {
      return await this.store.take(key, limit, this.windowMs, this.now());
    } catch (error) {
      this.onStoreError(error);
      return { allowed: true };
    }
  }

  /** Forgets keys with nothing in the window (the store also does so by itself now and then). */
  async prune(): Promise<void> {
    await this.store.prune(this.now());
  }
}
