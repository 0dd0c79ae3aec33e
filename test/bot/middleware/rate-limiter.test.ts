import { expect, test } from 'vitest';
import { SlidingWindowRateLimiter } from '../../../src/bot/middleware/rate-limiter.js';
import { raceTimeout } from '../../../src/bot/middleware/race-timeout.js';

test('allows `limit` questions per sliding window, warns once, then frees up', () => {
  let now = 0;
  const limiter = new SlidingWindowRateLimiter(3, 60_000, () => now);
  for (let index = 0; index < 3; index += 1) expect(limiter.take(7).allowed).toBe(true);
  expect(limiter.take(7)).toEqual({ allowed: false, retryAfterSeconds: 60, firstRefusal: true });
  now = 30_000;
  expect(limiter.take(7)).toEqual({ allowed: false, retryAfterSeconds: 30, firstRefusal: false });
  expect(limiter.take(8).allowed).toBe(true);
  now = 60_001;
  expect(limiter.take(7).allowed).toBe(true);
  now = 200_000;
  limiter.prune();
  expect(limiter.take(7).allowed).toBe(true);
});

test('raceTimeout returns the value or marks the timeout', async () => {
  expect(await raceTimeout(Promise.resolve(4), 1000)).toEqual({ timedOut: false, value: 4 });
  expect(await raceTimeout(new Promise((resolve) => setTimeout(resolve, 200)), 10)).toEqual({ timedOut: true });
  await expect(raceTimeout(Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
});
