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
  ) {}

  /** Records a question from `userId` if allowed. */
  take(userId: number): Promise<RateLimitDecision> {
    return this.store.take(`user:${userId}`, this.limit, this.windowMs, this.now());
  }

  /** Forgets users with no question in the window (the store also does so by itself now and then). */
  async prune(): Promise<void> {
    await this.store.prune(this.now());
  }
}
