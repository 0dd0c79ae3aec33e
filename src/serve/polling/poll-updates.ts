import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../log/logger.js';
import { classifyTelegramError } from '../../telegram/classify-telegram-error.js';
import { ALLOWED_UPDATES } from '../allowed-updates.js';

/** Options for {@link pollUpdates}; defaults in `POLL_UPDATES_DEFAULTS`. */
export interface PollUpdatesOptions {
  telegram: Telegram;
  /** Hands one update over, in order; polling goes on once it resolves (the scheduler may make it wait for room). */
  onUpdate(update: Update): Promise<void>;
  /** Ends polling: the getUpdates in flight is cancelled and the loop returns. */
  signal: AbortSignal;
  logger: Logger;
  /** Seconds Telegram holds a getUpdates open when there is nothing to deliver. */
  timeoutSeconds?: number;
  /** Wait before asking again after a network error or a 5xx; a 429 waits its `retry_after`. */
  retryDelayMs?: number;
}

/** Defaults of {@link PollUpdatesOptions}, as telegraf's own polling has them. */
export const POLL_UPDATES_DEFAULTS = { timeoutSeconds: 50, retryDelayMs: 5_000 } as const;

/**
 * Long polling that hands each update over as it arrives instead of waiting for the whole batch to be handled
 * (telegraf's `Polling.loop`), so one slow answer does not hold back everyone's next updates. Transient failures
 * (network, 429, 5xx) are retried after a pause; 401 and 409 (another poller, a webhook set) end polling by
 * rejecting. Resolves with the next offset once `signal` aborts; confirm it with {@link confirmUpdateOffset}
 * after the handed-over updates are handled.
 */
export async function pollUpdates(options: PollUpdatesOptions): Promise<number> {
  const { telegram, signal } = options;
  let offset = 0;
  while (!signal.aborted) {
    let updates: Update[];
    try {
      // allowed_updates named one by one (unset, Telegram keeps the last setting; empty, it leaves out reactions).
      // telegraf types the signal as the abort-controller shim's; node-fetch takes Node's own.
      const payload = { timeout: options.timeoutSeconds ?? POLL_UPDATES_DEFAULTS.timeoutSeconds, offset, allowed_updates: ALLOWED_UPDATES };
      updates = await telegram.callApi('getUpdates', payload, { signal: signal as never });
    } catch (error) {
      if (signal.aborted) break;
      const failure = classifyTelegramError(error);
      if (failure.kind !== 'transient') throw error;
      const delayMs = failure.retryAfterMs ?? options.retryDelayMs ?? POLL_UPDATES_DEFAULTS.retryDelayMs;
      options.logger.warn({ reason: failure.reason, delayMs }, 'getUpdates failed; polling again after a pause');
      await pause(delayMs, signal);
      continue;
    }
    for (const update of updates) {
      offset = update.update_id + 1;
      await options.onUpdate(update);
    }
  }
  return offset;
}

/** Tells Telegram the updates before `offset` are handled, so a restart does not receive them again. */
export async function confirmUpdateOffset(telegram: Telegram, offset: number): Promise<void> {
  if (offset === 0) return;
  await telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 });
}

function pause(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, milliseconds);
    signal.addEventListener('abort', done, { once: true });
  });
}
