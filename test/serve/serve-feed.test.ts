// `serve`'s real wiring (bot + background services) polls a local feed; the running bot then answers from
// its newest item, citing the item's url, without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { openArchive } from '../../src/pipeline/open-archive.js';
import { createBackgroundServices } from '../../src/serve/create-background-services.js';
import type { BackgroundService } from '../../src/serve/background-service.js';
import { startTestServer, type TestServer } from '../ingest/fetch/test-server.js';
import { createChangingFeed, NEWEST_ITEM } from '../ingest/feed/changing-feed.js';
import { startBotHarness, type BotHarness } from '../bot/harness.js';

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the feed poller');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('serve with FEEDS', () => {
  let feedServer: TestServer;
  let harness: BotHarness;
  const feed = createChangingFeed();
  const services: BackgroundService[] = [];

  beforeAll(async () => {
    feedServer = await startTestServer({ '/feed.xml': feed.handler });
    harness = await startBotHarness({
      ingestSamplePage: false,
      // A poll every 0.6 s, so the test sees the second poll quickly.
      env: { FEEDS: `${feedServer.baseUrl}/feed.xml`, FEED_INTERVAL: '0.01', FETCH_ALLOW_PRIVATE: 'true' },
      services,
      openArchive: async (env) => {
        const config = loadConfig(env, env.NEWSBOT_HOME);
        const archive = await openArchive(config, createLogger('silent'));
        services.push(...createBackgroundServices(archive));
        return archive;
      },
    });
  });

  afterAll(async () => {
    await harness?.stop();
    await feedServer?.close();
  });

  it('answers a question about the newest feed item with its url, without restarting', async () => {
    const newestUrl = `${feedServer.baseUrl}${NEWEST_ITEM.path}`;
    await waitFor(() => harness.archive.store.stats().articles >= 2);
    expect(harness.archive.store.articleIdsBySource(newestUrl)).toEqual([]);

    feed.publishNewestItem();
    await waitFor(() => harness.archive.store.articleIdsBySource(newestUrl).length > 0);

    const [reply] = await harness.sendPrivateMessage(NEWEST_ITEM.question);
    expect(reply?.text).toContain('18.6亿元');
    expect(JSON.stringify(reply?.raw)).toContain(newestUrl);
  });
});
