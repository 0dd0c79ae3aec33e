import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../../src/ingest/fetch/host-limiter.js';

describe('createHostLimiter', () => {
  it('runs at most N tasks per host at once, in arrival order, and hosts independently', async () => {
    const limiter = createHostLimiter(2);
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const order: number[] = [];
    const task = (host: string, index: number) => async () => {
      running.set(host, (running.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host) ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(index);
      running.set(host, (running.get(host) ?? 0) - 1);
      return index;
    };
    const results = await Promise.all([
      ...[0, 1, 2, 3, 4].map((index) => limiter.run('a.example', task('a.example', index))),
      ...[10, 11, 12].map((index) => limiter.run('b.example', task('b.example', index))),
    ]);
    expect(results).toEqual([0, 1, 2, 3, 4, 10, 11, 12]);
    expect(peak.get('a.example')).toBe(2);
    expect(peak.get('b.example')).toBe(2);
    expect(order.filter((index) => index < 10)).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createHostLimiter(1);
    await expect(limiter.run('h', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('h', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
