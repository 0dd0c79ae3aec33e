import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_FEED_STATE } from '../../../src/ingest/feed/feed-state-store.js';
import { IMPORTED_SUFFIX, importFeedStateFile } from '../../../src/store/sqlite/import-feed-state-file.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { SqliteFeedStateStore } from '../../../src/store/sqlite/sqlite-feed-state-store.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const created = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-feed-state-'));
  folders.push(created);
  return created;
}

describe('SqliteFeedStateStore', () => {
  it('round-trips a feed’s state across a reopen; an unknown feed is empty', async () => {
    const file = path.join(folder(), 'newsbot.db');
    const first = openSqliteDatabase(file);
    const store = new SqliteFeedStateStore(first);
    expect(await store.get('https://example.com/rss')).toEqual(EMPTY_FEED_STATE);
    await store.set('https://example.com/rss', { etag: '"v1"', lastModified: null, items: { a: 'fa' } });
    await store.set('https://example.com/rss', { etag: '"v2"', lastModified: 'Thu, 23 Apr 2026 00:00:00 GMT', items: { a: 'fa', b: 'fb' } });
    first.close();
    const reopened = new SqliteFeedStateStore(openSqliteDatabase(file));
    expect(await reopened.get('https://example.com/rss')).toEqual({ etag: '"v2"', lastModified: 'Thu, 23 Apr 2026 00:00:00 GMT', items: { a: 'fa', b: 'fb' } });
  });

  it('imports a feed-state.json of an older version once, keeping what the database already has', async () => {
    const directory = folder();
    const jsonFile = path.join(directory, 'feed-state.json');
    fs.writeFileSync(
      jsonFile,
      JSON.stringify({
        'https://a.example/rss': { etag: '"a1"', lastModified: null, items: { x: 'fx' } },
        'https://b.example/rss': { etag: '"old"', lastModified: null, items: {} },
      }),
    );
    const database = openSqliteDatabase(path.join(directory, 'newsbot.db'));
    const store = new SqliteFeedStateStore(database);
    await store.set('https://b.example/rss', { etag: '"new"', lastModified: null, items: { y: 'fy' } });

    expect(importFeedStateFile(database, jsonFile)).toBe(1);
    expect(await store.get('https://a.example/rss')).toEqual({ etag: '"a1"', lastModified: null, items: { x: 'fx' } });
    expect(await store.get('https://b.example/rss')).toMatchObject({ etag: '"new"' });
    expect(fs.existsSync(jsonFile)).toBe(false);
    expect(fs.existsSync(`${jsonFile}${IMPORTED_SUFFIX}`)).toBe(true);
    expect(importFeedStateFile(database, jsonFile)).toBe(0);
    database.close();
  });
});
