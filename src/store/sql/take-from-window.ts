import type { RateLimitDecision } from '../rate-limit-store.js';

/** A window after a take: what to store back and what to answer. */
export interface WindowTake {
  times: number[];
  /** Whether the key has been told it is limited (only the first refusal says so). */
  warned: boolean;
  /** When the window holds nothing any more: the row may be pruned then. */
  expiresAt: number;
  decision: RateLimitDecision;
}

/**
 * The sliding-window decision both `RateLimitStore` adapters take inside their transaction: the times still in the
 * window, one more when there is room, otherwise a refusal with the wait until the oldest leaves.
 */
export function takeFromWindow(stored: readonly number[], warnedBefore: boolean, limit: number, windowMs: number, now: number): WindowTake {
  const times = stored.filter((time) => time > now - windowMs);
  const allowed = times.length < limit;
  if (allowed) times.push(now);
  const expiresAt = (times.length > 0 ? Math.max(...times) : now) + windowMs;
  if (allowed) return { times, warned: false, expiresAt, decision: { allowed: true } };
  const oldest = times[0] ?? now;
  return {
    times,
    warned: true,
    expiresAt,
    decision: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)), firstRefusal: !warnedBefore },
  };
}
