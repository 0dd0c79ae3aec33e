import { retry } from '../net/retry.js';
import { classifyTelegramError, type TelegramFailure } from './classify-telegram-error.js';
import type { MessageSender } from './message-sender.js';

/** Options for {@link sendMessages}; defaults in `DEFAULTS`. */
export interface SendMessagesOptions {
  /** Waits between attempts; tests pass a recording fake. Default: a real timer. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Attempts per message, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff delay, doubled after each transient failure. Default 1 000 ms. */
  baseDelayMs?: number;
  /** Longest backoff delay; a longer 429 `retry_after` ends the attempts. Default 60 000 ms. */
  maxDelayMs?: number;
  /** Message ids already delivered of these messages (a resumed digest skips them). */
  delivered?: readonly number[];
  /**
   * Called with every id delivered so far after each message Telegram accepts, before the next is
   * sent (the scheduler records progress in its claim). When it throws, sending stops: `interrupted`.
   */
  onDelivered?: (delivered: readonly number[]) => Promise<void>;
  /** Called before each retry (for logs). */
  onRetry?: (retry: { attempt: number; delayMs: number; failure: TelegramFailure }) => void;
}

/** Outcome of sending one chat its messages (a digest, a staff report). */
export type SendMessagesResult =
  | { status: 'sent'; messageIds: number[] }
  /** `delivered` holds the ids of the messages that did arrive before the failure. */
  | { status: 'failed'; failure: TelegramFailure; delivered: number[] }
  /** `onDelivered` threw `error` after the messages in `delivered` arrived. */
  | { status: 'interrupted'; error: unknown; delivered: number[] };

const DEFAULTS = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 60_000 } as const;

/**
 * Sends messages (a digest, a staff report) to one chat in order, retrying transient errors with bounded
 * exponential backoff (honouring 429 `retry_after`). Stops at the first non-transient error.
 */
export async function sendMessages(sender: MessageSender, chatId: string, messages: readonly string[], options: SendMessagesOptions = {}): Promise<SendMessagesResult> {
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  const delivered = [...(options.delivered ?? [])];

  for (const message of messages.slice(delivered.length)) {
    try {
      const messageId = await retry(() => sender.send(chatId, message), {
        classify: (error) => {
          const failure = classifyTelegramError(error);
          return failure.kind === 'transient' ? { retry: true, retryAfterMs: failure.retryAfterMs } : { retry: false };
        },
        maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
        backoffMs: options.baseDelayMs ?? DEFAULTS.baseDelayMs,
        maxBackoffMs: maxDelayMs,
        maxRetryAfterMs: maxDelayMs,
        // Neither a digest nor a report is urgent: wait out the backoff even when Telegram asks for less.
        retryAfterAtLeastBackoff: true,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        onRetry: ({ attempt, delayMs, error }) => options.onRetry?.({ attempt, delayMs, failure: classifyTelegramError(error) }),
      });
      delivered.push(messageId);
    } catch (error) {
      return { status: 'failed', failure: classifyTelegramError(error), delivered };
    }
    try {
      await options.onDelivered?.([...delivered]);
    } catch (error) {
      return { status: 'interrupted', error, delivered };
    }
  }
  return { status: 'sent', messageIds: delivered };
}
