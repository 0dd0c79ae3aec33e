import type { Telegram } from 'telegraf';
import { TelegramError } from 'telegraf';
import type { Logger } from '../../shared/logger.js';

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

const NETWORK_ERROR_NAMES = new Set(['FetchError']);
const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const RETRY_INSTALLED = Symbol('newsbot.apiRetryInstalled');

/**
 * Makes every call through `telegram.callApi` retry what is transient: 429 after `parameters.retry_after`,
 * 5xx and network errors with exponential backoff; a bounded number of times. Telegraf does neither by itself.
 * Idempotent: installing twice on the same instance wraps once.
 */
export function installApiRetry(telegram: Telegram, options: ApiRetryOptions = {}): void {
  const marked = telegram as Telegram & { [RETRY_INSTALLED]?: boolean };
  if (marked[RETRY_INSTALLED]) return;
  marked[RETRY_INSTALLED] = true;
  const maxAttempts = options.maxAttempts ?? API_RETRY_DEFAULTS.maxAttempts;
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? API_RETRY_DEFAULTS.maxRetryAfterSeconds;
  const backoffMs = options.backoffMs ?? API_RETRY_DEFAULTS.backoffMs;
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  const callApi = telegram.callApi.bind(telegram);

  const retryingCallApi = async (...args: Parameters<typeof callApi>) => {
    const [method] = args;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await callApi(...args);
      } catch (error) {
        const delayMs = NOT_RETRIED.has(method) || attempt >= maxAttempts ? null : retryDelayMs(error, attempt, backoffMs, maxRetryAfterSeconds);
        if (delayMs === null) throw error;
        options.logger?.warn({ method, attempt, delayMs, error: describeError(error) }, 'Bot API call failed; retrying');
        await sleep(delayMs);
      }
    }
  };
  telegram.callApi = retryingCallApi as typeof telegram.callApi;
}

/** Milliseconds to wait before retrying, or null when the error is not transient. */
function retryDelayMs(error: unknown, attempt: number, backoffMs: number, maxRetryAfterSeconds: number): number | null {
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const retryAfter = error.parameters?.retry_after ?? 1;
      return retryAfter <= maxRetryAfterSeconds ? retryAfter * 1000 : null;
    }
    return error.code >= 500 ? backoffMs * 2 ** (attempt - 1) : null;
  }
  if (isNetworkError(error)) return backoffMs * 2 ** (attempt - 1);
  return null;
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError') return false;
  const code = (error as { code?: unknown }).code;
  return NETWORK_ERROR_NAMES.has(error.name) || (typeof code === 'string' && NETWORK_ERROR_CODES.has(code));
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
