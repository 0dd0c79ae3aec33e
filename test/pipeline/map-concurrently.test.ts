import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '../../src/pipeline/map-concurrently.js';

/** Work that resolves after `delays[item]` ms and records how many calls were in flight at once. */
function recordingWork(delays: readonly number[]): { work: (item: number) => Promise<string>; peak: () => number; started: number[] } {
  let inFlight = 0;
  let peak = 0;
  const started: number[] = [];
  const work = async (item: number): Promise<string> => {
    started.push(item);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, delays[item]));
    inFlight -= 1;
    return `result ${item}`;
  };
  return { work, peak: () => peak, started };
}

describe('mapConcurrently', () => {
  it('keeps the items’ order whatever order the calls finish in, with at most `concurrency` in flight', async () => {
    const { work, peak } = recordingWork([30, 5, 20, 1, 10, 2]);
    const results = await mapConcurrently([0, 1, 2, 3, 4, 5], work, { concurrency: 3 });
    expect(results).toEqual(['result 0', 'result 1', 'result 2', 'result 3', 'result 4', 'result 5']);
    expect(peak()).toBe(3);
  });

  it('runs one call after another, in order, with a concurrency of 1 (or a nonsensical one)', async () => {
    for (const concurrency of [1, 0, Number.NaN]) {
      const { work, peak, started } = recordingWork([5, 1, 3]);
      expect(await mapConcurrently([0, 1, 2], work, { concurrency })).toEqual(['result 0', 'result 1', 'result 2']);
      expect(peak()).toBe(1);
      expect(started).toEqual([0, 1, 2]);
    }
  });

  it('rejects with the first failure and starts no further call', async () => {
    const started: number[] = [];
    const failing = mapConcurrently(
      [0, 1, 2, 3],
      async (item) => {
        started.push(item);
        if (item === 1) throw new Error('batch 1 failed');
        return item;
      },
      { concurrency: 1 },
    );
    await expect(failing).rejects.toThrow('batch 1 failed');
    expect(started).toEqual([0, 1]);
  });

  it('starts nothing more once the signal is aborted, rejecting with its reason', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const aborted = mapConcurrently(
      [0, 1, 2],
      async (item) => {
        started.push(item);
        if (item === 0) controller.abort(new Error('shutting down'));
        return item;
      },
      { concurrency: 1, signal: controller.signal },
    );
    await expect(aborted).rejects.toThrow('shutting down');
    expect(started).toEqual([0]);
  });

  it('returns an empty list for no items', async () => {
    expect(await mapConcurrently([], async () => 1, { concurrency: 4 })).toEqual([]);
  });
});
