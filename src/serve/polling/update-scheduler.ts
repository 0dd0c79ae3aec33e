import type { Update } from 'telegraf/types';
import { updateQueueKey } from './update-queue-key.js';

/** Options for {@link createUpdateScheduler}; defaults in `UPDATE_SCHEDULER_DEFAULTS`. */
export interface UpdateSchedulerOptions {
  /** Handles one update completely (telegraf's `bot.handleUpdate`); should not throw (the bot's error handler answers). */
  handle(update: Update): Promise<void>;
  /** Updates being handled at once, across all queues. */
  maxConcurrent?: number;
  /** Updates accepted and not yet handled (running or waiting in their queue) before `schedule` waits for room. */
  maxPending?: number;
  /** Told when `handle` throws anyway. */
  onError?(error: unknown, update: Update): void;
  /** The queue of an update; default `updateQueueKey` (one reader in one chat). */
  queueKey?(update: Update): string | null;
}

/** Defaults of {@link UpdateSchedulerOptions}. */
export const UPDATE_SCHEDULER_DEFAULTS = {
  /** An LLM answer waits seconds on the network, not the CPU: this many readers are answered side by side. */
  maxConcurrent: 16,
  /** One getUpdates page. */
  maxPending: 100,
} as const;

/** Handles updates concurrently within bounds; see {@link createUpdateScheduler}. */
export interface UpdateScheduler {
  /** Accepts an update; resolves once it is queued (at once, unless `maxPending` updates are still unhandled). */
  schedule(update: Update): Promise<void>;
  /** Resolves once every accepted update has been handled. */
  drain(): Promise<void>;
  /** Updates accepted and not yet handled. */
  readonly pending: number;
}

/**
 * Handles updates as they arrive instead of one getUpdates batch after another, so a slow answer (an LLM taking
 * seconds) holds up only the reader waiting for it: updates in one queue (one reader in one chat) run one after
 * another in arrival order, different queues run side by side, at most `maxConcurrent` at once. `schedule` waits
 * while `maxPending` are unhandled, which slows polling down instead of growing memory.
 */
export function createUpdateScheduler(options: UpdateSchedulerOptions): UpdateScheduler {
  const maxConcurrent = options.maxConcurrent ?? UPDATE_SCHEDULER_DEFAULTS.maxConcurrent;
  const maxPending = options.maxPending ?? UPDATE_SCHEDULER_DEFAULTS.maxPending;
  const queueKey = options.queueKey ?? updateQueueKey;
  const tails = new Map<string, Promise<void>>();
  const slotWaiters: (() => void)[] = [];
  const roomWaiters: (() => void)[] = [];
  let drainWaiters: (() => void)[] = [];
  let running = 0;
  let pending = 0;

  const acquireSlot = async (): Promise<void> => {
    if (running < maxConcurrent) {
      running += 1;
      return;
    }
    // The releasing update hands its slot over: `running` stays the same.
    await new Promise<void>((resolve) => slotWaiters.push(resolve));
  };
  const releaseSlot = (): void => {
    const next = slotWaiters.shift();
    if (next) next();
    else running -= 1;
  };
  const run = async (update: Update): Promise<void> => {
    await acquireSlot();
    try {
      await options.handle(update);
    } catch (error) {
      options.onError?.(error, update);
    } finally {
      releaseSlot();
    }
  };
  const finished = (): void => {
    pending -= 1;
    roomWaiters.shift()?.();
    if (pending === 0) {
      for (const resolve of drainWaiters) resolve();
      drainWaiters = [];
    }
  };

  return {
    async schedule(update) {
      while (pending >= maxPending) await new Promise<void>((resolve) => roomWaiters.push(resolve));
      pending += 1;
      const key = queueKey(update);
      const previous = key === null ? undefined : tails.get(key);
      const handled = (previous ?? Promise.resolve()).then(() => run(update)).finally(finished);
      if (key !== null) {
        tails.set(key, handled);
        void handled.then(() => {
          if (tails.get(key) === handled) tails.delete(key);
        });
      }
    },
    drain() {
      if (pending === 0) return Promise.resolve();
      return new Promise<void>((resolve) => drainWaiters.push(resolve));
    },
    get pending() {
      return pending;
    },
  };
}
