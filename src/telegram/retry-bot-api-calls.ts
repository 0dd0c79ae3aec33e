import type { Logger } from '../log/logger.js';
import { metrics } from '../log/metrics.js';
import { retry, type RetryVerdict } from '../net/retry.js';
import { classifyTelegramError } from './classify-telegram-error.js';

/** One Bot API call: what telegraf's `callApi` does, and what a transformer wraps. */
export type BotApiCall = (method: string, payload: unknown, options?: { signal?: AbortSignal }) => Promise<unknown>;

/** How Bot API calls are retried. */
export interface ApiRetryOptions {
  /** Attempts per call, the first included. Default 4. */
  maxAttempts?: number;
  /** A 429 asking to wait longer than this many seconds is not retried (the caller sees the error). Default 30. */
  maxRetryAfterSeconds?: number;
  /** Wait before retrying a network error or a 5xx, doubled on each attempt. Default 500 ms. */
  backoffMs?: number;
  logger?: Logger;
  /** Waits between attempts; replaceable in unit tests. */
  sleep?: (milliseconds: number) => Promise<void>;
}

/** Defaults for {@link ApiRetryOptions}. */
export const API_RETRY_DEFAULTS = { maxAttempts: 4, maxRetryAfterSeconds: 30, backoffMs: 500 } as const;

/** Methods never retried here: long polling has its own retry loop and is aborted on stop. */
const NOT_RETRIED = new Set(['getUpdates']);

/** A 429 without `retry_after` waits this long. */
const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * The retry transformer around one Bot API call function: 429 after `parameters.retry_after`, 5xx and network
 * errors with exponential backoff, a bounded number of times (telegraf does neither by itself). A call aborted
 * locally (the bot stopping) is not retried. Every failed attempt is counted in `newsbot_bot_api_errors_total`.
 */
export function retryBotApiCalls(call: BotApiCall, options: ApiRetryOptions = {}): BotApiCall {
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? API_RETRY_DEFAULTS.maxRetryAfterSeconds;
  return (method, payload, callOptions) =>
    retry(() => call(method, payload, callOptions), {
      classify: (error) => {
        countApiError(method, error);
        return NOT_RETRIED.has(method) ? { retry: false } : retryVerdict(error);
      },
      maxAttempts: options.maxAttempts ?? API_RETRY_DEFAULTS.maxAttempts,
      backoffMs: options.backoffMs ?? API_RETRY_DEFAULTS.backoffMs,
      maxRetryAfterMs: maxRetryAfterSeconds * 1000,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      onRetry: ({ attempt, delayMs, error }) => options.logger?.warn({ method, attempt, delayMs, error: describeError(error) }, 'Bot API call failed; retrying'),
    });
}

function retryVerdict(error: unknown): RetryVerdict {
  const failure = classifyTelegramError(error);
  if (failure.kind !== 'transient' || failure.trigger === 'aborted') return { retry: false };
  if (failure.trigger === 'rate-limit') return { retry: true, retryAfterMs: failure.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS };
  return { retry: true };
}

/** Every failed attempt counts, by the kind `classifyTelegramError` gives it (a stop's aborted poll too, as `transient/aborted`). */
function countApiError(method: string, error: unknown): void {
  const failure = classifyTelegramError(error);
  metrics.botApiErrors.inc({ method, kind: failure.kind, trigger: failure.kind === 'transient' ? failure.trigger : '' });
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
