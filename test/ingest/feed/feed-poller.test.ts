import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../src/ingest/article.js';
import { createFeedPoller, type FeedPollerDependencies, type PollerClock } from '../../../src/ingest/feed/feed-poller.js';
import type { FetchOptions } from '../../../src/ingest/fetch/fetch-options.js';
import type { IndexSummary } from '../../../src/pipeline/index-articles.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { SqliteFeedStateStore } from '../../../src/store/sqlite/sqlite-feed-state-store.js';
import { serveFixture, startTestServer, type TestServer } from '../fetch/test-server.js';
import { createChangingFeed, NEWEST_ITEM } from './changing-feed.js';

const fetchOptions: FetchOptions = { allowPrivateAddresses: true, timeoutMs: 2_000 };

const openDatabases: Array<ReturnType<typeof openSqliteDatabase>> = [];

/** The feed state store on the newsbot database in `dataDir`, opened again on every call (as a restart would). */
function openFeedStates(dataDir: string): SqliteFeedStateStore {
  const database = openSqliteDatabase(path.join(dataDir, 'newsbot.db'));
  openDatabases.push(database);
  return new SqliteFeedStateStore(database);
}

/**
 * Dependencies whose indexArticles records its calls and, like the archive's, counts unchanged
 * articles; feed state in the database under `dataDir`.
 */
function createRecordingDependencies(dataDir: string): { dependencies: FeedPollerDependencies; calls: Article[][] } {
  const calls: Article[][] = [];
  const stored = new Map<string, string>();
  const indexArticles = async (articles: Article[]): Promise<IndexSummary> => {
    calls.push(articles);
    const summary: IndexSummary = { added: 0, updated: 0, unchanged: 0, chunks: 0 };
    for (const article of articles) {
      const content = JSON.stringify(article);
      const previous = stored.get(article.id);
      if (previous === content) summary.unchanged += 1;
      else {
        if (previous === undefined) summary.added += 1;
        else summary.updated += 1;
        summary.chunks += article.paragraphs.length;
      }
      stored.set(article.id, content);
    }
    return summary;
  };
  const dependencies: FeedPollerDependencies = { states: openFeedStates(dataDir), logger: pino({ level: 'silent' }), indexArticles };
  return { dependencies, calls };
}

let server: TestServer;
let dataDir: string;
let changing: ReturnType<typeof createChangingFeed>;

beforeAll(async () => {
  server = await startTestServer({
    '/rss.xml': serveFixture('rss-full-text.xml', 'application/rss+xml'),
    '/malformed.xml': serveFixture('malformed.xml', 'application/rss+xml'),
    '/articles/pocket-parks.html': serveFixture('pocket-parks.html', 'text/html; charset=utf-8'),
    '/slow.xml': () => {
      // Never answers.
    },
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-poller-'));
  changing = createChangingFeed();
  server.route('/changing.xml', changing.handler);
  server.requests.length = 0;
});

afterEach(() => {
  for (const database of openDatabases.splice(0)) database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('createFeedPoller', () => {
  it('sends conditional requests and indexes only the new item when the feed changes', async () => {
    const { dependencies, calls } = createRecordingDependencies(dataDir);
    const poller = createFeedPoller(dependencies, { urls: [`${server.baseUrl}/changing.xml`], intervalMinutes: 15, fetchOptions });

    const first = await poller.pollOnce();
    expect(first.feeds[0]).toMatchObject({ status: 'indexed', newOrChanged: 2 });
    expect(first.articles).toMatchObject({ added: 2, failed: 0 });

    const second = await poller.pollOnce();
    expect(second.feeds[0]).toMatchObject({ status: 'not-modified', newOrChanged: 0 });
    expect(server.hits('/changing.xml')[1]?.headers['if-none-match']).toBe('"v1"');

    changing.publishNewestItem();
    const third = await poller.pollOnce();
    expect(third.feeds[0]).toMatchObject({ status: 'indexed', newOrChanged: 1, unchangedItems: 2 });
    expect(third.articles).toMatchObject({ added: 1, updated: 0, unchanged: 0 });
    expect(calls.map((articles) => articles.map((article) => article.title))).toEqual([
      ['株洲轨道交通装备产业集群产值突破1500亿元', '神农公园樱花节吸引游客超过20万人次'],
      [NEWEST_ITEM.title],
    ]);
    expect(calls[1]?.[0]).toMatchObject({ url: `${server.baseUrl}${NEWEST_ITEM.path}`, date: '2026-04-23', position: 0 });
    await poller.stop();
  });

  it('keeps validators and seen items across restarts, in the database under the data directory', async () => {
    const { dependencies } = createRecordingDependencies(dataDir);
    const url = `${server.baseUrl}/changing.xml`;
    const before = createFeedPoller(dependencies, { urls: [url], intervalMinutes: 15, fetchOptions });
    await before.pollOnce();
    await before.stop();
    for (const database of openDatabases.splice(0)) database.close();
    const state = await openFeedStates(dataDir).get(url);
    expect(state.etag).toBe('"v1"');
    expect(Object.keys(state.items)).toHaveLength(2);
    expect(fs.existsSync(path.join(dataDir, 'feed-state.json'))).toBe(false);

    const after = createFeedPoller({ ...dependencies, states: openFeedStates(dataDir) }, { urls: [url], intervalMinutes: 15, fetchOptions });
    expect((await after.pollOnce()).feeds[0]?.status).toBe('not-modified');
    await after.stop();
  });

  it('never lets one failing feed stop the others', async () => {
    const { dependencies, calls } = createRecordingDependencies(dataDir);
    const urls = [`${server.baseUrl}/malformed.xml`, `${server.baseUrl}/slow.xml`, `${server.baseUrl}/rss.xml`];
    const poller = createFeedPoller(dependencies, { urls, intervalMinutes: 15, fetchOptions: { ...fetchOptions, timeoutMs: 300 } });
    const summary = await poller.pollOnce();
    expect(summary.feeds.map((feed) => feed.status)).toEqual(['failed', 'failed', 'indexed']);
    expect(summary.feeds[0]?.errors[0]?.message).toMatch(/malformed feed/);
    expect(summary.feeds[1]?.errors[0]?.message).toMatch(/no complete response/);
    expect(summary.articles).toMatchObject({ added: 2, failed: 2 });
    expect(calls).toHaveLength(1);
    await poller.stop();
  });

  it('retries a failed item on the next poll without re-reading the items it already has', async () => {
    let missingPage = true;
    server.route('/mixed.xml', (_request, response, current) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"same"' });
      response.end(
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><title>湘江风光带新增三处口袋公园</title><id>urn:1</id><link href="${current.baseUrl}/articles/pocket-parks.html"/><published>2026-04-23T06:45:00+08:00</published></entry>
        <entry><title>稍后补发的稿件</title><id>urn:2</id><link href="${current.baseUrl}/articles/late.html"/><published>2026-04-23T09:00:00+08:00</published></entry>
        </feed>`,
      );
    });
    server.route('/articles/late.html', (_request, response, current) => {
      if (missingPage) {
        response.writeHead(404);
        response.end();
        return;
      }
      serveFixture('night-clinic.html', 'text/html')(_request, response, current);
    });
    const { dependencies, calls } = createRecordingDependencies(dataDir);
    const poller = createFeedPoller(dependencies, { urls: [`${server.baseUrl}/mixed.xml`], intervalMinutes: 15, fetchOptions });
    const first = await poller.pollOnce();
    expect(first.feeds[0]).toMatchObject({ status: 'indexed', newOrChanged: 1 });
    expect(first.errors[0]?.source).toBe(`${server.baseUrl}/articles/late.html`);

    missingPage = false;
    const second = await poller.pollOnce();
    expect(server.hits('/mixed.xml')[1]?.headers['if-none-match']).toBeUndefined();
    expect(second.feeds[0]).toMatchObject({ status: 'indexed', newOrChanged: 1, unchangedItems: 1, errors: [] });
    expect(calls[1]?.map((article) => article.title)).toEqual(['稍后补发的稿件']);
    expect(server.hits('/articles/pocket-parks.html')).toHaveLength(1);
    await poller.stop();
  });

  it('joins a poll in flight instead of starting an overlapping one', async () => {
    const { dependencies } = createRecordingDependencies(dataDir);
    const poller = createFeedPoller(dependencies, { urls: [`${server.baseUrl}/changing.xml`], intervalMinutes: 15, fetchOptions });
    const [first, second] = [poller.pollOnce(), poller.pollOnce()];
    expect(second).toBe(first);
    await first;
    expect(server.hits('/changing.xml')).toHaveLength(1);
    await poller.stop();
  });

  it('polls at start, then every interval after each poll ends, until stopped', async () => {
    const scheduled: Array<{ milliseconds: number; callback: () => void; cleared: boolean }> = [];
    const clock: PollerClock = {
      now: () => new Date('2026-04-23T12:00:00+08:00'),
      setTimeout: (callback, milliseconds) => {
        const entry = { milliseconds, callback, cleared: false };
        scheduled.push(entry);
        return entry;
      },
      clearTimeout: (handle) => {
        (handle as { cleared: boolean }).cleared = true;
      },
    };
    const { dependencies, calls } = createRecordingDependencies(dataDir);
    const poller = createFeedPoller(dependencies, { urls: [`${server.baseUrl}/changing.xml`], intervalMinutes: 15, fetchOptions, clock });
    poller.start();
    expect(scheduled.map((entry) => entry.milliseconds)).toEqual([0]);
    scheduled[0]?.callback();
    await expect.poll(() => scheduled.length, { timeout: 5_000 }).toBe(2);
    expect(scheduled[1]?.milliseconds).toBe(15 * 60_000);
    expect(calls).toHaveLength(1);
    await poller.stop();
    expect(scheduled[1]?.cleared).toBe(true);
  });
});
