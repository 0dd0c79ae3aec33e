// The one retry loop for outgoing calls (Bot API, digest sends, LLM requests): bounded, and only for what is transient.
import { setTimeout as delay } from 'node:timers/promises';

/** What a failed attempt means for retrying, as the caller's classifier sees it. */
export type RetryVerdict =
  /** Not worth retrying (a client error, a permanent failure): the error reaches the caller at once. */
  | { retry: false }
  /** Transient (network, 429, 5xx): retry, after `retryAfterMs` when the server asked for a wait. */
  | { retry: true; retryAfterMs?: number | null };

/** One retry about to happen, for logs. */
export interface RetryEvent {
  /** The attempt that failed, 1-based. */
  attempt: number;
  /** How long the helper waits before the next attempt. */
  delayMs: number;
  error: unknown;
}

/** Options for {@link retry}. */
export interface RetryOptions {
  /** Decides whether an error is worth another attempt; `attempt` is the 1-based attempt that failed. */
  classify: (error: unknown, attempt: number) => RetryVerdict;
  /** Attempts in all, the first included. Default 4. */
  maxAttempts?: number;
  /** Wait before the second attempt, doubled before each later one. Default 500 ms. */
  backoffMs?: number;
  /** Longest backoff. Default: no cap. */
  maxBackoffMs?: number;
  /** A server asking to wait longer than this gets no retry: the error reaches the caller. Default: no cap. */
  maxRetryAfterMs?: number;
  /**
   * When true, a retry-after only lengthens the backoff (wait the larger of the two); when false it replaces
   * the backoff (wait exactly what the server asked). Default false.
   */
  retryAfterAtLeastBackoff?: boolean;
  /** Share of each backoff (0–1) drawn at random and taken off, so many clients do not retry in step. Default 0. */
  jitter?: number;
  /** Cancels the waits (and is passed to `operation`); the helper then throws the signal's reason. */
  signal?: AbortSignal;
  /** Called before each wait (for logs). */
  onRetry?: (event: RetryEvent) => void;
  /** Waits between attempts; tests pass a recording fake. Default: a real, abortable timer. */
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  /** Random numbers in [0, 1) for the jitter; replaceable in tests. Default `Math.random`. */
  random?: () => number;
}

/** Defaults for {@link RetryOptions}. */
export const RETRY_DEFAULTS = { maxAttempts: 4, backoffMs: 500, jitter: 0 } as const;

/**
 * Runs `operation` until it succeeds, the classifier calls an error permanent, the attempts run out or a
 * requested wait is too long; then throws the last error. Backoff is exponential (`backoffMs`, doubled each time).
 */
export async function retry<Result>(operation: (attempt: number, signal?: AbortSignal) => Promise<Result>, options: RetryOptions): Promise<Result> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts);
  const backoffMs = options.backoffMs ?? RETRY_DEFAULTS.backoffMs;
  const jitter = options.jitter ?? RETRY_DEFAULTS.jitter;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    options.signal?.throwIfAborted();
    try {
      return await operation(attempt, options.signal);
    } catch (error) {
      if (attempt >= maxAttempts || options.signal?.aborted) throw error;
      const verdict = options.classify(error, attempt);
      if (!verdict.retry) throw error;
      const retryAfterMs = verdict.retryAfterMs ?? null;
      if (retryAfterMs !== null && options.maxRetryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) throw error;
      let backoff = Math.min(options.maxBackoffMs ?? Number.POSITIVE_INFINITY, backoffMs * 2 ** (attempt - 1));
      backoff -= Math.round(backoff * jitter * random());
      let delayMs = backoff;
      if (retryAfterMs !== null) delayMs = options.retryAfterAtLeastBackoff ? Math.max(backoff, retryAfterMs) : retryAfterMs;
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs, options.signal);
    }
  }
}

function defaultSleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return delay(milliseconds, undefined, signal ? { signal } : {});
}
