import type { RateLimitDecision, RateLimitStore } from '../../store/rate-limit-store.js';

export type { RateLimitDecision } from '../../store/rate-limit-store.js';

/**
 * Per-user sliding window: at most `limit` questions in any `windowMs` milliseconds. The windows live
 * in a {@link RateLimitStore}, so they survive a restart and hold across workers sharing the store.
 */
export class SlidingWindowRateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly limit: number,
    private readonly windowMs: number = 60_000,
    private readonly now: () => number = Date.now,
    /** Told when the store fails; the question is then admitted. Default: nothing. */
    private readonly onStoreError: (error: unknown) => void = () => {},
  ) {}

  /**
   * Records a question from `userId` if allowed. Fails open: while the store is away (PostgreSQL
   * restarting) readers are answered rather than silently dropped.
   */
  async take(userId: number): Promise<RateLimitDecision> {
    try {
      return await this.store.take(`user:${userId}`, this.limit, this.windowMs, this.now());
    } catch (error) {
      this.onStoreError(error);
      return { allowed: true };
    }
  }

  /** Forgets users with no question in the window (the store also does so by itself now and then). */
  async prune(): Promise<void> {
    await this.store.prune(this.now());
  }
}
