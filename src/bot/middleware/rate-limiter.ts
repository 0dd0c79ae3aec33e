/** The outcome of asking the rate limiter for one more question. */
export type RateLimitDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** Seconds until the oldest question in the window expires. */
      retryAfterSeconds: number;
      /** True for the first refusal since the user was last allowed: reply then, stay quiet after. */
      firstRefusal: boolean;
    };

interface UserWindow {
  times: number[];
  warned: boolean;
}

/** Per-user sliding window: at most `limit` questions in any `windowMs` milliseconds. */
export class SlidingWindowRateLimiter {
  private readonly users = new Map<number, UserWindow>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a question from `userId` if allowed. */
  take(userId: number): RateLimitDecision {
    const now = this.now();
    const window = this.users.get(userId) ?? { times: [], warned: false };
    window.times = window.times.filter((time) => time > now - this.windowMs);
    this.users.set(userId, window);
    if (window.times.length < this.limit) {
      window.times.push(now);
      window.warned = false;
      return { allowed: true };
    }
    const oldest = window.times[0] ?? now;
    const firstRefusal = !window.warned;
    window.warned = true;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)), firstRefusal };
  }

  /** Forgets users with no question in the window, so memory stays proportional to active users. */
  prune(): void {
    const now = this.now();
    for (const [userId, window] of this.users) {
      if (window.times.every((time) => time <= now - this.windowMs)) this.users.delete(userId);
    }
  }
}
