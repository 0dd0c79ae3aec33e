import { describe, expect, it } from 'vitest';
import { failSoftPins } from '../../../src/answer/pinned/fail-soft-pins.js';
import type { Pin } from '../../../src/store/pin-store.js';

const PIN: Pin = { id: 1, question: '问', answer: '答', articleId: null, createdAt: new Date(0) };

describe('failSoftPins', () => {
  it('reads fresh each time; while the store fails, answers with the pins read last and waits before trying again', async () => {
    let clock = 0;
    let reads = 0;
    let failing = false;
    const errors: unknown[] = [];
    const pins = failSoftPins({
      read: async () => {
        reads += 1;
        if (failing) throw new Error('connection refused');
        return [PIN];
      },
      onError: (error) => errors.push(error),
      retryAfterMs: 30_000,
      now: () => clock,
    });
    expect(await pins()).toEqual([PIN]);
    expect(await pins()).toEqual([PIN]);
    expect(reads).toBe(2);
    failing = true;
    expect(await pins()).toEqual([PIN]);
    expect(errors).toHaveLength(1);
    clock += 10_000;
    expect(await pins()).toEqual([PIN]);
    expect(reads).toBe(3);
    failing = false;
    clock += 30_000;
    expect(await pins()).toEqual([PIN]);
    expect(reads).toBe(4);
  });

  it('does not wait for a read that hangs', async () => {
    const errors: unknown[] = [];
    const pins = failSoftPins({ read: () => new Promise(() => {}), onError: (error) => errors.push(error), timeoutMs: 20 });
    expect(await pins()).toEqual([]);
    expect(String(errors[0])).toContain('took over 20 ms');
  });
});
