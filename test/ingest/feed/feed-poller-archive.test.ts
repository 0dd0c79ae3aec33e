// End to end: a real archive (SQLite + HNSW + hash embedder) in a temporary NEWSBOT_HOME answers from
// a feed item the poller indexed, with no restart in between.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { createFeedPoller } from '../../../src/ingest/feed/feed-poller.js';
import { fetchOptionsFromConfig } from '../../../src/ingest/fetch/fetch-options.js';
import { createLogger } from '../../../src/log/logger.js';
import { openArchive } from '../../../src/pipeline/open-archive.js';
import { startTestServer, type TestServer } from '../fetch/test-server.js';
import { createChangingFeed, NEWEST_ITEM } from './changing-feed.js';

let server: TestServer;
let home: string;
const changing = createChangingFeed();

beforeAll(async () => {
  server = await startTestServer({ '/feed.xml': changing.handler });
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-feed-e2e-'));
});

afterAll(async () => {
  await server.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('feed poller with a real archive', () => {
  it('answers a question about the newest item, citing its url, without reopening the archive', async () => {
    const config = loadConfig(
      { NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', FETCH_ALLOW_PRIVATE: '1', FEEDS: `${server.baseUrl}/feed.xml`, FEED_INTERVAL: '15' },
      home,
    );
    const archive = await openArchive(config, createLogger('silent'));
    const poller = createFeedPoller(
      { indexArticles: archive.indexArticles, logger: archive.logger, states: archive.state.feedStates },
      {
        urls: config.feeds.urls,
        intervalMinutes: config.feeds.intervalMinutes,
        fetchOptions: fetchOptionsFromConfig(config.feeds),
      },
    );
    try {
      const first = await poller.pollOnce();
      expect(first.articles.added).toBe(2);
      const before = await archive.answerer.answer(NEWEST_ITEM.question);
      expect(before.citations.some((citation) => citation.url === `${server.baseUrl}${NEWEST_ITEM.path}`)).toBe(false);

      changing.publishNewestItem();
      const second = await poller.pollOnce();
      expect(second.articles).toMatchObject({ added: 1, updated: 0 });
      expect(second.feeds[0]).toMatchObject({ newOrChanged: 1, unchangedItems: 2 });

      const answer = await archive.answerer.answer(NEWEST_ITEM.question);
      expect(answer.answered).toBe(true);
      expect(answer.answer).toContain('18.6亿元');
      expect(answer.citations[0]?.url).toBe(`${server.baseUrl}${NEWEST_ITEM.path}`);
    } finally {
      await poller.stop();
      archive.close();
    }
  });
});
