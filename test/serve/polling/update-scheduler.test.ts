import { describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { createUpdateScheduler } from '../../../src/serve/polling/update-scheduler.js';

/** A private-chat message update from `userId`. */
function message(updateId: number, userId: number): Update {
  return {
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat: { id: userId, type: 'private', first_name: 'R' }, from: { id: userId, is_bot: false, first_name: 'R' }, text: 'q' },
  } as Update;
}

/** A handler whose updates finish when the test says so. */
function controlledHandler() {
  const started: number[] = [];
  const finishers = new Map<number, () => void>();
  return {
    started,
    handle: (update: Update) =>
      new Promise<void>((resolve) => {
        started.push(update.update_id);
        finishers.set(update.update_id, resolve);
      }),
    finish(updateId: number) {
      finishers.get(updateId)?.();
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createUpdateScheduler', () => {
  it('runs different readers side by side, at most maxConcurrent at once, one reader in order', async () => {
    const handler = controlledHandler();
    const scheduler = createUpdateScheduler({ handle: handler.handle, maxConcurrent: 2 });
    for (const [updateId, userId] of [
      [1, 10],
      [2, 10],
      [3, 20],
      [4, 30],
    ] as const)
      await scheduler.schedule(message(updateId, userId));
    await tick();
    // 1 and 3 run; 2 waits behind 1 (same reader), 4 for a free slot.
    expect(handler.started).toEqual([1, 3]);
    handler.finish(1);
    await tick();
    await tick();
    expect(handler.started).toEqual([1, 3, 4]);
    handler.finish(3);
    await tick();
    await tick();
    expect(handler.started).toEqual([1, 3, 4, 2]);
    handler.finish(4);
    handler.finish(2);
    await scheduler.drain();
    expect(scheduler.pending).toBe(0);
  });

  it('makes schedule wait while maxPending updates are unhandled', async () => {
    const handler = controlledHandler();
    const scheduler = createUpdateScheduler({ handle: handler.handle, maxConcurrent: 1, maxPending: 2 });
    await scheduler.schedule(message(1, 10));
    await scheduler.schedule(message(2, 20));
    let accepted = false;
    const third = scheduler.schedule(message(3, 30)).then(() => {
      accepted = true;
    });
    await tick();
    expect(accepted).toBe(false);
    handler.finish(1);
    await third;
    expect(accepted).toBe(true);
    handler.finish(2);
    await tick();
    await tick();
    handler.finish(3);
    await scheduler.drain();
  });
});
