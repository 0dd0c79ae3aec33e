import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteArticleStore, type SqliteArticleStore } from '../../../src/store/sqlite/sqlite-article-store.js';
import { Bm25PostingsRanker } from '../../../src/store/sqlite/bm25-postings-ranker.js';
import { buildFtsMatch, queryTerms, type QueryTerm } from '../../../src/store/sqlite/fts-query.js';
import { makeArticle, makeChunks, temporaryDirectory } from '../store-fixtures.js';

/** Words the generated chunks are made of: some rare, some in most chunks, Latin words and numbers among them. */
const WORDS = [
  '株洲',
  '轨道交通',
  '义乌',
  '外贸',
  '出口',
  '生猪',
  '产业链',
  '企业',
  '集团',
  '全国',
  '增长',
  '明显',
  'igbt',
  '芯片',
  '2025',
  '年产',
  '气温',
  '下降',
  '榜单',
  '民营',
];

/** A deterministic pseudo-random generator (a linear congruential one), so a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** A chunk text of 3–40 words, common words far more often than rare ones, some repeated. */
function text(random: () => number): string {
  const count = 3 + Math.floor(random() * 38);
  const words: string[] = [];
  for (let index = 0; index < count; index += 1) words.push(WORDS[Math.floor(random() ** 2 * WORDS.length)]!);
  return `${words.join('，')}。`;
}

/** FTS5's own ranking: what the ranker must reproduce. */
function fts5Ranking(store: SqliteArticleStore, terms: readonly QueryTerm[], limit: number): { id: number; score: number }[] {
  const rows = store.database
    .prepare('SELECT rowid AS id, bm25(chunks_fts, 1.0, 1.0) AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank, rowid LIMIT ?')
    .all(buildFtsMatch(terms), limit) as { id: number; rank: number }[];
  return rows.map((row) => ({ id: row.id, score: -row.rank }));
}

describe('Bm25PostingsRanker', () => {
  let cleanup: () => void;
  let dir: string;
  let store: SqliteArticleStore;
  const random = generator(26);

  const addArticles = (target: SqliteArticleStore, from: number, count: number): void => {
    for (let index = from; index < from + count; index += 1) {
      const article = makeArticle({ id: `a${index}`, title: index % 3 === 0 ? '株洲新闻' : '新闻' });
      const chunks = Array.from({ length: 1 + (index % 4) }, () => text(random));
      target.upsertArticle(article, `h${index}-${random()}`, makeChunks(article, chunks));
    }
  };

  /** Every query of one to four of the words (and some of their bigrams), ranked both ways. */
  const expectSameAsFts5 = (ranker: Bm25PostingsRanker, limit: number): number => {
    let compared = 0;
    for (let first = 0; first < WORDS.length; first += 1) {
      for (const width of [1, 2, 4]) {
        const question = WORDS.slice(first, first + width).join('');
        const terms = queryTerms(question);
        const hits = ranker.rank(terms, limit);
        expect(hits, question).not.toBeNull();
        expect(hits, question).toEqual(fts5Ranking(store, terms, limit));
        compared += hits!.length;
      }
    }
    return compared;
  };

  beforeEach(() => {
    ({ dir, cleanup } = temporaryDirectory());
    store = openSqliteArticleStore(`${dir}/newsbot.db`);
    addArticles(store, 0, 120);
  });

  afterEach(() => {
    store.close();
    cleanup();
  });

  it("gives FTS5's bm25() hits, in its order, with its scores bit for bit", () => {
    const ranker = new Bm25PostingsRanker(store.database, { words: 1, grams: 1 });
    expect(expectSameAsFts5(ranker, 10)).toBeGreaterThan(500);
    // The whole list, every chunk holding a term, not only the best.
    expectSameAsFts5(ranker, 1000);
  });

  it('stays the same after replacements and removals, and sees chunks another connection wrote', () => {
    const ranker = new Bm25PostingsRanker(store.database, { words: 1, grams: 1 });
    expectSameAsFts5(ranker, 20);
    addArticles(store, 0, 40); // replaced: new chunk ids, the old ones gone from the index
    for (let index = 40; index < 60; index += 1) store.removeArticle(`a${index}`);
    expectSameAsFts5(ranker, 20);
    const other = openSqliteArticleStore(`${dir}/newsbot.db`);
    try {
      addArticles(other, 200, 50);
    } finally {
      other.close();
    }
    expectSameAsFts5(ranker, 20);
  });

  it("reads a term in the column asked for only: a character pair asked of the words column finds the words column's postings (none), not the grams'", () => {
    const ranker = new Bm25PostingsRanker(store.database, { words: 1, grams: 1 });
    for (const terms of [
      [{ text: '株洲', column: 'words' }],
      [{ text: '株洲', column: 'grams' }],
      [{ text: '轨道交通', column: 'words' }],
      [{ text: 'igbt', column: 'words' }],
    ] as QueryTerm[][]) {
      expect(ranker.rank(terms, 50), terms[0]!.text).toEqual(fts5Ranking(store, terms, 50));
    }
    expect(ranker.rank([{ text: '株洲', column: 'words' }], 50)).toEqual([]);
    expect(ranker.rank([{ text: '株洲', column: 'grams' }], 50)!.length).toBeGreaterThan(0);
  });

  it('leaves a phrase (several tokens in one term) to FTS5', () => {
    const ranker = new Bm25PostingsRanker(store.database, { words: 1, grams: 1 });
    expect(ranker.rank([{ text: 'covid-19', column: 'words' }], 10)).toBeNull();
    expect(ranker.rank([], 10)).toBeNull();
  });

  it('is what keywordSearch ranks with: the same hits as with FTS5 ranking them', () => {
    const withFts5 = openSqliteArticleStore(`${dir}/newsbot.db`, { rankWithFts5: true });
    try {
      for (const question of ['株洲轨道交通企业', '义乌外贸出口增长明显', 'igbt 芯片年产', '生猪产业链榜单']) {
        expect(store.keywordSearch(question, 8), question).toEqual(withFts5.keywordSearch(question, 8));
      }
    } finally {
      withFts5.close();
    }
  });
});
