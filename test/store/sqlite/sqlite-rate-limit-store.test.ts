import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { SqliteRateLimitStore } from '../../../src/store/sqlite/sqlite-rate-limit-store.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function databaseFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-rate-limit-'));
  folders.push(folder);
  return path.join(folder, 'newsbot.db');
}

describe('SqliteRateLimitStore', () => {
  it('takes up to the limit per window and key, refuses with the wait, warns once', async () => {
    const store = new SqliteRateLimitStore(openSqliteDatabase(':memory:'));
    expect(await store.take('user:1', 2, 60_000, 1_000)).toEqual({ allowed: true });
    expect(await store.take('user:1', 2, 60_000, 11_000)).toEqual({ allowed: true });
    expect(await store.take('user:1', 2, 60_000, 21_000)).toEqual({ allowed: false, retryAfterSeconds: 40, firstRefusal: true });
    expect(await store.take('user:1', 2, 60_000, 31_000)).toEqual({ allowed: false, retryAfterSeconds: 30, firstRefusal: false });
    expect(await store.take('user:2', 2, 60_000, 31_000)).toEqual({ allowed: true });
    // The first question left the window at 61 000: one slot is free again, and the warning resets.
    expect(await store.take('user:1', 2, 60_000, 61_001)).toEqual({ allowed: true });
    expect(await store.take('user:1', 2, 60_000, 61_002)).toMatchObject({ allowed: false, firstRefusal: true });
  });

  it('shares windows between connections to one file: together they never take more than the limit', async () => {
    const file = databaseFile();
    const stores = [new SqliteRateLimitStore(openSqliteDatabase(file)), new SqliteRateLimitStore(openSqliteDatabase(file))];
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, index) => stores[index % 2]!.take('user:7', 3, 60_000, 5_000 + index)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
    expect(decisions.filter((decision) => !decision.allowed && decision.firstRefusal)).toHaveLength(1);
  });

  it('keeps a window across a reopen, and prunes windows that ended', async () => {
    const file = databaseFile();
    const first = openSqliteDatabase(file);
    await new SqliteRateLimitStore(first).take('user:1', 1, 60_000, 0);
    first.close();
    const database = openSqliteDatabase(file);
    const store = new SqliteRateLimitStore(database);
    expect(await store.take('user:1', 1, 60_000, 1_000)).toMatchObject({ allowed: false });
    expect(await store.prune(59_999)).toBe(0);
    expect(await store.prune(60_000)).toBe(1);
    expect(database.prepare('SELECT count(*) FROM rate_limit_windows').pluck().get()).toBe(0);
    database.close();
  });
});
