import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openSqliteArticleStore, type SqliteArticleStore } from '../../../src/store/sqlite/sqlite-article-store.js';
import { applyReplicatedArticles } from '../../../src/store/sqlite/sqlite-replica-writes.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { runMigrations } from '../../../src/store/sqlite/run-migrations.js';
import { MIGRATIONS } from '../../../src/store/sqlite/migrations.js';
import { ftsDocument } from '../../../src/store/sqlite/fts-document.js';
import type { ReplicatedArticle } from '../../../src/store/article-change-reader.js';
import { makeArticle, makeChunks, temporaryDirectory } from '../store-fixtures.js';

/** Texts that exercise the tokenizer: Chinese words and bigrams, Latin words in any case, accents, hyphens, digits, full-width forms. */
const TEXTS = {
  rail: ['中车株洲所正在向千亿规模企业迈进，轨道交通装备产业集群持续壮大。', 'CRRC Zhuzhou 的 IGBT 芯片：年产 36 万片。'],
  trade: ['2025年义乌外贸出口额在全国县（市、区）中排名首位，COVID-19 之后增长明显。', 'Café Olé 在株洲开业；ＡＢＣ全角字母与１２３全角数字。'],
  food: ['唐人神集团入围中国民营企业500强榜单，生猪产业链继续延伸。'],
  weather: ['株洲明天有雨，气温下降。Naïve forecasts fail: 25°C → 18°C.'],
} as const;

/** term_frequencies as a sorted list, against the counts FTS5 itself keeps (fts5vocab reads every posting list). */
function frequencyTables(database: Database.Database): { kept: [string, number][]; index: [string, number][] } {
  const rows = (sql: string): [string, number][] =>
    (database.prepare(sql).raw().all() as [string, number][]).sort((left, right) => (left[0] < right[0] ? -1 : left[0] > right[0] ? 1 : 0));
  return {
    kept: rows('SELECT term, chunks FROM term_frequencies'),
    index: rows('SELECT term, doc FROM chunks_fts_vocab WHERE doc > 0'),
  };
}

function expectExact(database: Database.Database): void {
  const { kept, index } = frequencyTables(database);
  expect(index.length).toBeGreaterThan(0);
  expect(kept).toEqual(index);
}

describe('term_frequencies, kept by SqliteArticleStore', () => {
  let cleanup: () => void;
  let store: SqliteArticleStore;

  beforeEach(() => {
    let dir: string;
    ({ dir, cleanup } = temporaryDirectory());
    store = openSqliteArticleStore(`${dir}/newsbot.db`);
  });

  afterEach(() => {
    store.close();
    cleanup();
  });

  const add = (id: keyof typeof TEXTS, texts: readonly string[] = TEXTS[id]): void => {
    const article = makeArticle({ id, title: `${id} 新闻` });
    store.upsertArticle(article, texts.join('|'), makeChunks(article, [...texts]));
  };

  it('matches the index after adds, a replacement and a removal', () => {
    store.upsertArticles(
      (['rail', 'trade'] as const).map((id) => {
        const article = makeArticle({ id, title: `${id} 新闻` });
        return { article, contentHash: 'h', chunks: makeChunks(article, [...TEXTS[id]]) };
      }),
    );
    expectExact(store.database);
    add('food');
    add('weather');
    expectExact(store.database);
    // Replaced: some terms stay, some go (外贸), some are new (跨境).
    add('trade', ['2026年义乌跨境电商出口继续增长，covid-19 已成往事。']);
    expectExact(store.database);
    expect(store.documentFrequencies(['外贸']).get('外贸')).toBe(0);
    expect(store.documentFrequencies(['跨境']).get('跨境')).toBe(1);
    store.removeArticle('rail');
    expectExact(store.database);
    expect(store.documentFrequencies(['igbt', '株洲']).get('igbt')).toBe(0);
    for (const id of ['trade', 'food', 'weather']) store.removeArticle(id);
    expect(frequencyTables(store.database).kept).toEqual([]);
  });

  it('gives each term the number of chunks holding it, not of its occurrences', () => {
    add('food', ['株洲株洲株洲', '株洲新闻', '别的消息']);
    const frequencies = store.documentFrequencies(['株洲', '新闻', '消息']);
    // 新闻 is also in each chunk's heading ("food 新闻").
    expect(Object.fromEntries(frequencies)).toEqual({ 株洲: 2, 新闻: 3, 消息: 1 });
  });

  it('is filled from the index when an archive made before it is opened', () => {
    const database = store.database;
    // An archive at the version before the table's: the index without it.
    const tableVersion = MIGRATIONS.find((migration) => migration.sql.includes('CREATE TABLE term_frequencies'))!.version;
    // (and without what later migrations add)
    database.exec('DROP TABLE term_frequencies; DROP TABLE chunks_fts_instances');
    database.pragma(`user_version = ${tableVersion - 1}`);
    const insertChunk = database.prepare("INSERT INTO chunks (article_id, date, ordinal, text, heading) VALUES ('old', NULL, ?, ?, 'old')");
    const insertFts = database.prepare('INSERT INTO chunks_fts (rowid, words, grams) VALUES (?, ?, ?)');
    database
      .prepare("INSERT INTO articles (id, title, paragraphs, authors, source, position, content_hash, ingested_at) VALUES ('old', 'old', '[]', '[]', 'x', 0, 'h', 'now')")
      .run();
    [...TEXTS.rail, ...TEXTS.trade].forEach((text, ordinal) => {
      const id = Number(insertChunk.run(ordinal, text).lastInsertRowid);
      const document = ftsDocument('old', text);
      insertFts.run(id, document.words, document.grams);
    });
    expect(runMigrations(database)).toBe(Math.max(...MIGRATIONS.map((migration) => migration.version)));
    expectExact(database);
    // And kept from there on.
    store.removeArticle('old');
    add('food');
    expectExact(database);
  });
});

describe('term_frequencies, kept by the replica writes', () => {
  let cleanup: () => void;
  let database: Database.Database;

  beforeEach(() => {
    let dir: string;
    ({ dir, cleanup } = temporaryDirectory());
    database = openSqliteDatabase(`${dir}/replica.db`);
  });

  afterEach(() => {
    database.close();
    cleanup();
  });

  const replicated = (id: string, texts: readonly string[], firstChunkId: number): ReplicatedArticle => ({
    article: makeArticle({ id, title: `${id} 新闻` }),
    contentHash: texts.join('|'),
    ingestedAt: '2026-04-22T00:00:00.000Z',
    chunks: texts.map((text, ordinal) => ({ id: firstChunkId + ordinal, ordinal, text, heading: `${id} 新闻`, embedderId: 'hash', vector: new Float32Array(4) })),
    corrections: [],
    updatedOn: null,
  });

  it('matches the index after adds, a replayed batch, a replacement and a retraction', () => {
    const first = { articles: [replicated('rail', TEXTS.rail, 1), replicated('trade', TEXTS.trade, 10), replicated('food', TEXTS.food, 20)], removedArticleIds: [] };
    applyReplicatedArticles(database, first, 1);
    expectExact(database);
    // Replayed: chunks already held are kept as they are, and counted once.
    applyReplicatedArticles(database, first, 1);
    expectExact(database);
    // trade replaced (its first chunk kept, the second swapped for a new one), rail retracted.
    const trade = replicated('trade', TEXTS.trade, 10);
    trade.chunks[1] = { ...trade.chunks[1]!, id: 30, text: '义乌跨境电商出口继续增长。' };
    applyReplicatedArticles(database, { articles: [trade, replicated('weather', TEXTS.weather, 40)], removedArticleIds: ['rail'] }, 2);
    expectExact(database);
    const count = (term: string): number | undefined => database.prepare('SELECT chunks FROM term_frequencies WHERE term = ?').pluck().get(term) as number | undefined;
    expect(count('igbt')).toBeUndefined();
    expect(count('跨境')).toBe(1);
    applyReplicatedArticles(database, { articles: [], removedArticleIds: ['trade', 'food', 'weather'] }, 3);
    expect(frequencyTables(database).kept).toEqual([]);
  });
});
