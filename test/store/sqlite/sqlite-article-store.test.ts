import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteArticleStore, type SqliteArticleStore } from '../../../src/store/sqlite/sqlite-article-store.js';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.js';
import { makeArticle, makeChunks, temporaryDirectory } from '../store-fixtures.js';

describe('SqliteArticleStore', () => {
  let dir: string;
  let cleanup: () => void;
  let file: string;
  let store: SqliteArticleStore;

  beforeEach(() => {
    ({ dir, cleanup } = temporaryDirectory());
    file = path.join(dir, 'nested', 'newsbot.db');
    store = openSqliteArticleStore(file);
  });

  afterEach(() => {
    store.close();
    cleanup();
  });

  it('creates the folder, uses WAL and foreign keys', () => {
    expect(fs.existsSync(file)).toBe(true);
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.database.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('round-trips an article and its chunks', () => {
    const article = makeArticle({
      id: 'a1',
      subtitle: '副题',
      paragraphs: ['第一段。', '第二段。'],
      url: 'https://example.com/a1',
      authors: ['记者 张三', '李四'],
      section: '要闻',
      photoCaption: '图为现场',
      position: 3,
    });
    const result = store.upsertArticle(article, 'hash-1', makeChunks(article, ['第一段。', '第二段。']));
    expect(result.removedChunkIds).toEqual([]);
    expect(result.chunkIds).toHaveLength(2);

    const stored = store.getArticle('a1');
    expect(stored).toMatchObject({ ...article, contentHash: 'hash-1' });
    expect(stored?.ingestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(store.articleHash('a1')).toBe('hash-1');
    expect(store.articleHash('missing')).toBeNull();
    expect(store.getArticle('missing')).toBeNull();
    expect(store.articleParagraphs('a1')).toEqual(article.paragraphs);
    expect(store.articleParagraphs('missing')).toBeNull();

    const chunks = store.articleChunks('a1');
    expect(chunks.map((chunk) => chunk.text)).toEqual(['第一段。', '第二段。']);
    expect(chunks[0]).toMatchObject({
      id: result.chunkIds[0],
      articleId: 'a1',
      ordinal: 0,
      heading: article.title,
      title: article.title,
      subtitle: '副题',
      date: '2026-04-22',
      url: 'https://example.com/a1',
      source: 'page.md',
    });
  });

  it('replaces the chunks of an updated article and never reuses chunk ids', () => {
    const article = makeArticle({ id: 'a1' });
    const first = store.upsertArticle(article, 'h1', makeChunks(article, ['一', '二', '三']));
    const second = store.upsertArticle(article, 'h2', makeChunks(article, ['四', '五']));
    expect(second.removedChunkIds).toEqual(first.chunkIds);
    expect(Math.min(...second.chunkIds)).toBeGreaterThan(Math.max(...first.chunkIds));
    expect(store.articleChunks('a1').map((chunk) => chunk.text)).toEqual(['四', '五']);
    expect(store.allChunkIds()).toEqual(second.chunkIds);

    const removed = store.removeArticle('a1');
    expect(removed).toEqual(second.chunkIds);
    expect(store.getArticle('a1')).toBeNull();
    expect(store.allChunkIds()).toEqual([]);
    expect(store.removeArticle('a1')).toEqual([]);

    // Even after deleting the newest rows, AUTOINCREMENT hands out fresh ids.
    const third = store.upsertArticle(article, 'h3', makeChunks(article, ['六']));
    expect(third.chunkIds[0]).toBeGreaterThan(Math.max(...second.chunkIds));
  });

  it('keeps chunk ids unique across a reopen', () => {
    const article = makeArticle({ id: 'a1' });
    const first = store.upsertArticle(article, 'h1', makeChunks(article, ['一', '二']));
    store.removeArticle('a1');
    store.close();
    store = openSqliteArticleStore(file);
    const second = store.upsertArticle(article, 'h2', makeChunks(article, ['三']));
    expect(second.chunkIds[0]).toBeGreaterThan(Math.max(...first.chunkIds));
  });

  it('returns chunks in the order asked, skipping unknown ids', () => {
    const article = makeArticle({ id: 'a1' });
    const { chunkIds } = store.upsertArticle(article, 'h', makeChunks(article, ['一', '二', '三']));
    const [one, two, three] = chunkIds as [number, number, number];
    expect(store.getChunks([three, 999_999, one, two]).map((chunk) => chunk.id)).toEqual([three, one, two]);
    expect(store.getChunks([])).toEqual([]);
  });

  it('finds the articles of a source, JSON records included', () => {
    store.upsertArticle(makeArticle({ id: 'x', source: 'feed.json#0' }), 'h', []);
    store.upsertArticle(makeArticle({ id: 'y', source: 'feed.json#1' }), 'h', []);
    store.upsertArticle(makeArticle({ id: 'z', source: 'feed.jsonl' }), 'h', []);
    store.upsertArticle(makeArticle({ id: 'w', source: 'feed.json' }), 'h', []);
    expect(store.articleIdsBySource('feed.json').sort()).toEqual(['w', 'x', 'y']);
    expect(store.articleIdsBySource('feed.jsonl')).toEqual(['z']);
    expect(store.articleIdsBySource('other')).toEqual([]);
  });

  it('lists articles of a day by position and the latest first', () => {
    store.upsertArticle(makeArticle({ id: 'late', date: '2026-04-23', position: 0 }), 'h', []);
    store.upsertArticle(makeArticle({ id: 'p2', date: '2026-04-22', position: 2 }), 'h', []);
    store.upsertArticle(makeArticle({ id: 'p0', date: '2026-04-22', position: 0 }), 'h', []);
    store.upsertArticle(makeArticle({ id: 'p1', date: '2026-04-22', position: 1 }), 'h', []);
    store.upsertArticle(makeArticle({ id: 'undated', date: null }), 'h', []);
    expect(store.articlesOnDate('2026-04-22').map((article) => article.id)).toEqual(['p0', 'p1', 'p2']);
    expect(store.articlesOnDate('2020-01-01')).toEqual([]);
    const latest = store.latestArticles(10).map((article) => article.id);
    expect(latest[0]).toBe('late');
    expect(latest.at(-1)).toBe('undated');
    expect(store.latestArticles(2)).toHaveLength(2);
  });

  it('reports stats', () => {
    expect(store.stats()).toEqual({ articles: 0, chunks: 0, sources: 0, newestDate: null, lastIngestAt: null });
    const a = makeArticle({ id: 'a', source: 'feed.json#0', date: '2026-04-21' });
    const b = makeArticle({ id: 'b', source: 'feed.json#1', date: '2026-04-23' });
    const c = makeArticle({ id: 'c', source: 'page.md', date: null });
    store.upsertArticle(a, 'h', makeChunks(a, ['一', '二']));
    store.upsertArticle(b, 'h', makeChunks(b, ['三']));
    store.upsertArticle(c, 'h', []);
    const stats = store.stats();
    expect(stats).toMatchObject({ articles: 3, chunks: 3, sources: 2, newestDate: '2026-04-23' });
    expect(stats.lastIngestAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    store.removeArticle('a');
    expect(store.stats()).toMatchObject({ articles: 2, chunks: 1 });
  });

  it('sees writes made through another connection', () => {
    const other = openSqliteArticleStore(file);
    try {
      expect(store.stats().articles).toBe(0);
      const article = makeArticle({ id: 'a', paragraphs: ['株洲发布新能源汽车产业规划。'] });
      other.upsertArticle(article, 'h', makeChunks(article, ['株洲发布新能源汽车产业规划。']));
      expect(store.stats().articles).toBe(1);
      expect(store.keywordSearch('新能源汽车', 5)).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('upserts many articles in one transaction', () => {
    const articles = Array.from({ length: 20 }, (_, index) => makeArticle({ id: `a${index}`, position: index }));
    const results = store.upsertArticles(articles.map((article) => ({ article, contentHash: 'h', chunks: makeChunks(article, ['甲', '乙']) })));
    expect(results).toHaveLength(20);
    expect(store.stats()).toMatchObject({ articles: 20, chunks: 40 });
    expect(new Set(results.flatMap((result) => result.chunkIds)).size).toBe(40);
  });

  it('rolls the whole batch back when one article fails', () => {
    const good = makeArticle({ id: 'good' });
    const bad = { ...makeArticle({ id: 'bad' }), title: null as unknown as string };
    expect(() =>
      store.upsertArticles([
        { article: good, contentHash: 'h', chunks: makeChunks(good, ['一']) },
        { article: bad, contentHash: 'h', chunks: [] },
      ]),
    ).toThrow();
    expect(store.stats().articles).toBe(0);
    expect(store.keywordSearch('标题', 5)).toEqual([]);
  });

  it('applies migrations once and is idempotent on reopen', () => {
    const latest = Math.max(...MIGRATIONS.map((migration) => migration.version));
    expect(store.database.pragma('user_version', { simple: true })).toBe(latest);
    const article = makeArticle({ id: 'a' });
    store.upsertArticle(article, 'h', makeChunks(article, ['一']));
    store.close();
    store = openSqliteArticleStore(file);
    store.close();
    store = openSqliteArticleStore(file);
    expect(store.database.pragma('user_version', { simple: true })).toBe(latest);
    expect(store.stats().articles).toBe(1);
  });

  it('works in memory', () => {
    const memory = openSqliteArticleStore(':memory:');
    try {
      const article = makeArticle({ id: 'a' });
      memory.upsertArticle(article, 'h', makeChunks(article, ['湘江大桥']));
      expect(memory.keywordSearch('湘江', 5)).toHaveLength(1);
    } finally {
      memory.close();
    }
  });
});
