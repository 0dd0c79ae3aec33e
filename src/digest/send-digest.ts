import { classifySendError, type SendFailure } from './classify-send-error.js';
import type { DigestSender } from './digest-sender.js';

/** Options for {@link sendDigest}; defaults in `DEFAULTS`. */
export interface SendDigestOptions {
  /** Waits between attempts; tests pass a recording fake. Default: a real timer. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Attempts per message, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff delay, doubled after each transient failure. Default 1 000 ms. */
  baseDelayMs?: number;
  /** Longest backoff delay; a longer 429 `retry_after` ends the attempts. Default 60 000 ms. */
  maxDelayMs?: number;
  /** Message ids already delivered for this digest (a resumed send skips them). */
  delivered?: readonly number[];
  /** Called before each retry (for logs). */
  onRetry?: (retry: { attempt: number; delayMs: number; failure: SendFailure }) => void;
}

/** Outcome of sending one chat's digest. */
export type SendDigestResult =
  | { status: 'sent'; messageIds: number[] }
  /** `delivered` holds the ids of the messages that did arrive before the failure. */
  | { status: 'failed'; failure: SendFailure; delivered: number[] };

const DEFAULTS = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 } as const;

const realSleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Sends a digest's messages to one chat in order, retrying transient errors with bounded
 * exponential backoff (honouring 429 `retry_after`). Stops at the first non-transient error.
 */
export async function sendDigest(sender: DigestSender, chatId: string, messages: readonly string[], options: SendDigestOptions = {}): Promise<SendDigestResult> {
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULTS.maxAttempts);
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const delivered = [...(options.delivered ?? [])];

  for (const message of messages.slice(delivered.length)) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        delivered.push(await sender.send(chatId, message));
        break;
      } catch (error) {
        const failure = classifySendError(error);
        if (failure.kind !== 'transient' || attempt >= maxAttempts) return { status: 'failed', failure, delivered };
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        if (failure.retryAfterMs !== null && failure.retryAfterMs > maxDelayMs) return { status: 'failed', failure, delivered };
        const delayMs = Math.max(backoff, failure.retryAfterMs ?? 0);
        options.onRetry?.({ attempt, delayMs, failure });
        await sleep(delayMs);
      }
    }
  }
  return { status: 'sent', messageIds: delivered };
}
