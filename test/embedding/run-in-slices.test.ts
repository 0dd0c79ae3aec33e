import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../src/embedding/run-in-slices.js';

describe('runInSlices', () => {
  it('runs the items a few at a time, in order, and joins the results', async () => {
    const calls: number[][] = [];
    const doubled = await runInSlices([1, 2, 3, 4, 5], 2, async (slice) => {
      calls.push(slice);
      return slice.map((item) => item * 2);
    });
    expect(calls).toEqual([[1, 2], [3, 4], [5]]);
    expect(doubled).toEqual([2, 4, 6, 8, 10]);
    expect(await runInSlices([], 2, async () => [1])).toEqual([]);
  });

  it('stops between calls once the signal is aborted', async () => {
    const controller = new AbortController();
    const calls: number[][] = [];
    const running = runInSlices(
      [1, 2, 3],
      1,
      async (slice) => {
        calls.push(slice);
        controller.abort(new Error('reader left'));
        return slice;
      },
      controller.signal,
    );
    await expect(running).rejects.toThrow('reader left');
    expect(calls).toEqual([[1]]);
  });
});
