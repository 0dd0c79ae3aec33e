import { expect, test } from 'vitest';
import { SlidingWindowRateLimiter } from '../../../../src/bot/shared/middleware/rate-limiter.js';
import { raceTimeout } from '../../../../src/bot/shared/race-timeout.js';
import { openSqliteDatabase } from '../../../../src/store/sqlite/open-sqlite-database.js';
import { SqliteRateLimitStore } from '../../../../src/store/sqlite/sqlite-rate-limit-store.js';

test('allows `limit` actions per key and sliding window, warns once, then frees up', async () => {
  let now = 0;
  const limiter = new SlidingWindowRateLimiter(new SqliteRateLimitStore(openSqliteDatabase(':memory:')), 60_000, () => now);
  for (let index = 0; index < 3; index += 1) expect((await limiter.take('user:7', 3)).allowed).toBe(true);
  expect(await limiter.take('user:7', 3)).toEqual({ allowed: false, retryAfterSeconds: 60, firstRefusal: true });
  now = 30_000;
  expect(await limiter.take('user:7', 3)).toEqual({ allowed: false, retryAfterSeconds: 30, firstRefusal: false });
  expect((await limiter.take('user:8', 3)).allowed).toBe(true);
  now = 60_001;
  expect((await limiter.take('user:7', 3)).allowed).toBe(true);
  now = 200_000;
  await limiter.prune();
  expect((await limiter.take('user:7', 3)).allowed).toBe(true);
});

test('raceTimeout returns the value or marks the timeout', async () => {
  expect(await raceTimeout(Promise.resolve(4), 1000)).toEqual({ timedOut: false, value: 4 });
  expect(await raceTimeout(new Promise((resolve) => setTimeout(resolve, 200)), 10)).toEqual({ timedOut: true });
  await expect(raceTimeout(Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
});
