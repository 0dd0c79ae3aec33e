import { describe, expect, it } from 'vitest';
import { retry } from '../../src/net/retry.js';

/** An operation failing with the queued errors first, then returning 'done'. */
function failing(errors: unknown[]): { operation: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    operation: async () => {
      calls += 1;
      const error = errors.shift();
      if (error) throw error;
      return 'done';
    },
    calls: () => calls,
  };
}

const transient = () => ({ retry: true }) as const;

describe('retry', () => {
  it('backs off exponentially up to the cap, bounded by the attempts', async () => {
    const waits: number[] = [];
    const { operation, calls } = failing([new Error('a'), new Error('b'), new Error('c'), new Error('d')]);
    const result = retry(operation, { classify: transient, maxAttempts: 4, backoffMs: 100, maxBackoffMs: 300, sleep: async (ms) => void waits.push(ms) });
    await expect(result).rejects.toThrow('d');
    expect(waits).toEqual([100, 200, 300]);
    expect(calls()).toBe(4);
  });

  it('throws a permanent error at once', async () => {
    const { operation, calls } = failing([new Error('bad request')]);
    await expect(retry(operation, { classify: () => ({ retry: false }), sleep: async () => expect.unreachable() })).rejects.toThrow('bad request');
    expect(calls()).toBe(1);
  });

  it('waits what the server asks, or at least the backoff when told so, and gives up on a too-long wait', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const classify = () => ({ retry: true, retryAfterMs: 50 });
    await expect(retry(failing([new Error('429')]).operation, { classify, backoffMs: 200, sleep })).resolves.toBe('done');
    await expect(retry(failing([new Error('429')]).operation, { classify, backoffMs: 200, retryAfterAtLeastBackoff: true, sleep })).resolves.toBe('done');
    await expect(retry(failing([new Error('429')]).operation, { classify, maxRetryAfterMs: 10, sleep })).rejects.toThrow('429');
    expect(waits).toEqual([50, 200]);
  });

  it('takes a random share off the backoff as jitter, and reports each retry', async () => {
    const events: number[] = [];
    const waits: number[] = [];
    const { operation } = failing([new Error('a')]);
    await retry(operation, {
      classify: transient,
      backoffMs: 1000,
      jitter: 0.5,
      random: () => 0.5,
      sleep: async (ms) => void waits.push(ms),
      onRetry: ({ delayMs }) => events.push(delayMs),
    });
    expect(waits).toEqual([750]);
    expect(events).toEqual([750]);
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const { operation, calls } = failing([new Error('a')]);
    const result = retry(operation, { classify: transient, backoffMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped')), 10);
    await expect(result).rejects.toThrow();
    expect(calls()).toBe(1);
  });
});
