// An archive opened write-only (ingest, remove) reads only the vector segment it adds to and maps no database pages,
// while one opened to search reads every segment; both see the same chunks.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { openArchive, type OpenArchiveOptions } from '../../src/pipeline/open-archive.js';
import { HnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { SqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { makeArticle } from '../helpers/open-test-archive.js';
import { temporaryHome } from '../helpers/run-cli.js';

const open = (home: string, options: OpenArchiveOptions = {}) =>
  openArchive(loadConfig({ NEWSBOT_HOME: home, EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent', INDEX_SEGMENT_VECTORS: '20' }), createLogger('silent'), options);

const articles = (from: number, count: number) =>
  Array.from({ length: count }, (_, offset) => makeArticle(`a${from + offset}`, `第${from + offset}号公告`, [`株洲第${from + offset}个社区服务站今天启用，提供便民服务。`]));

function mappedBytes(store: unknown): unknown {
  if (!(store instanceof SqliteArticleStore)) throw new Error('expected the SQLite store');
  return store.database.pragma('mmap_size', { simple: true });
}

function segmentsOf(index: unknown): HnswVectorIndex {
  if (!(index instanceof HnswVectorIndex)) throw new Error('expected the HNSW index');
  return index;
}

describe('an archive opened write-only', () => {
  it('adds to the open segment without reading the sealed ones, and maps no database pages', async () => {
    const home = temporaryHome();
    const first = await open(home, { writeOnly: true });
    await first.indexArticles(articles(0, 60));
    first.close();

    const ingest = await open(home, { writeOnly: true });
    try {
      const index = segmentsOf(ingest.index);
      expect(index.segmentCount()).toBeGreaterThan(2);
      await ingest.indexArticles(articles(60, 10));
      expect(ingest.removeArticles(['a0', 'a61'])).toBe(2);
      expect(index.loadedSegmentCount()).toBe(1);
      expect(mappedBytes(ingest.store)).toBe(0);
    } finally {
      ingest.close();
    }

    const reader = await open(home);
    try {
      const index = segmentsOf(reader.index);
      expect(index.loadedSegmentCount()).toBe(index.segmentCount());
      expect(mappedBytes(reader.store)).toBeGreaterThan(0);
      expect(new Set(index.ids())).toEqual(new Set(reader.store.allChunkIds()));
      const passages = await reader.retriever.search('第65号公告', { k: 1 });
      expect(passages[0]?.articleId).toBe('a65');
    } finally {
      reader.close();
    }
  });
});
