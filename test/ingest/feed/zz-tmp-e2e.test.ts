import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { createFeedPoller } from '../../../src/ingest/feed/feed-poller.js';
import { fetchOptionsFromConfig } from '../../../src/ingest/fetch/fetch-options.js';
import { createLogger } from '../../../src/shared/logger.js';
import { openSqliteArticleStore } from '../../../src/store/sqlite-article-store.js';
import { openHnswVectorIndex } from '../../../src/store/hnsw-vector-index.js';
import { HybridRetriever } from '../../../src/retrieval/hybrid-retriever.js';
import { ExtractiveAnswerer } from '../../../src/answer/extractive-answerer.js';
import { inverseDocumentFrequencies } from '../../../src/retrieval/inverse-document-frequencies.js';
import { indexArticles } from '../../../src/pipeline/index-articles.js';
import type { Archive } from '../../../src/pipeline/archive.js';
import type { Embedder } from '../../../src/embedding/embedder.js';
import { startTestServer } from '../fetch/test-server.js';
import { createChangingFeed, NEWEST_ITEM } from './changing-feed.js';

const embedder: Embedder = {
  id: 'tmp-hash', dimensions: 64, maxBatchSize: 64, maxInputChars: 2000,
  async embed(texts) {
    return texts.map((text) => {
      const vector = new Float32Array(64);
      for (let i = 0; i + 1 < text.length; i++) vector[createHash('md5').update(text.slice(i, i + 2)).digest()[0]! % 64]! += 1;
      const norm = Math.hypot(...vector) || 1;
      return vector.map((v) => v / norm);
    });
  },
};

it('e2e with a hand-built archive', async () => {
  const changing = createChangingFeed();
  const server = await startTestServer({ '/feed.xml': changing.handler });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-tmp-e2e-'));
  const config = loadConfig({ NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', FETCH_ALLOW_PRIVATE: '1', FEEDS: `${server.baseUrl}/feed.xml` }, home);
  const logger = createLogger('silent');
  const store = openSqliteArticleStore(path.join(home, 'newsbot.db'));
  const index = openHnswVectorIndex({ dir: config.indexDir, embedderId: embedder.id, dimensions: embedder.dimensions, reset: false });
  const retriever = new HybridRetriever({ store, index, embedder });
  const answerer = new ExtractiveAnswerer({ retriever, termWeights: (terms) => inverseDocumentFrequencies(store, terms) });
  const archive = { config, logger, store, index, embedder, retriever, answerer, indexArticles: (articles: never) => indexArticles({ store, index, embedder, logger }, articles), removeArticles: () => 0, close: () => { index.save(); store.close(); } } as unknown as Archive;
  const poller = createFeedPoller(archive, { urls: config.feeds.urls, intervalMinutes: 15, fetchOptions: fetchOptionsFromConfig(config.feeds) });
  const first = await poller.pollOnce();
  console.log(JSON.stringify(first.articles));
  changing.publishNewestItem();
  const second = await poller.pollOnce();
  console.log(JSON.stringify(second.articles), JSON.stringify(second.feeds));
  const answer = await archive.answerer.answer(NEWEST_ITEM.question);
  console.log(JSON.stringify(answer, null, 1));
  expect(answer.citations[0]?.url).toBe(`${server.baseUrl}${NEWEST_ITEM.path}`);
  await poller.stop();
  archive.close();
  await server.close();
  fs.rmSync(home, { recursive: true, force: true });
});
