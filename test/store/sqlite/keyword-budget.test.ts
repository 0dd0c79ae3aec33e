import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keywordBudget, type KeywordBudget, type KeywordBudgetFit } from '../../../src/store/sqlite/keyword-budget.js';
import { openSqliteArticleStore, type SqliteArticleStore } from '../../../src/store/sqlite/sqlite-article-store.js';
import { makeArticle, makeChunks, temporaryDirectory } from '../store-fixtures.js';

describe('keywordBudget', () => {
  const fit: KeywordBudgetFit = {
    selected: { share: 0.1, least: 500 },
    ranked: { coefficient: 10, exponent: 0.5, least: 200 },
    pool: { coefficient: 2, exponent: 0.5, least: 50 },
  };

  it('follows the archive: the selection is a share of its chunks, the ranked postings and the pool a power of its size', () => {
    expect(keywordBudget(10_000, fit)).toEqual({ maxPostings: 1_000, rankedPostings: 1_000, rescorePool: 200 });
    expect(keywordBudget(1_000_000, fit)).toEqual({ maxPostings: 100_000, rankedPostings: 10_000, rescorePool: 2_000 });
  });

  it('keeps its floors in a small archive, and an empty one still selects a term', () => {
    expect(keywordBudget(100, fit)).toEqual({ maxPostings: 500, rankedPostings: 200, rescorePool: 50 });
    expect(keywordBudget(0, { ...fit, selected: { share: 0.1, least: 0 } }).maxPostings).toBe(1);
  });

  it('never shrinks as the archive grows (default fit)', () => {
    let previous = keywordBudget(1);
    for (const chunks of [10, 1_000, 10_000, 100_000, 1_000_000, 3_000_000]) {
      const budget = keywordBudget(chunks);
      for (const key of ['maxPostings', 'rankedPostings', 'rescorePool'] as const) expect(budget[key]).toBeGreaterThanOrEqual(previous[key]);
      previous = budget;
    }
  });
});

describe('keyword search with a budget, on an invented corpus', () => {
  let cleanup: () => void;
  let dir: string;
  let store: SqliteArticleStore;

  // 60 chunks: 桥梁 and 隧道 each in 11, both only in the last; the ten others of each repeat their word, so that scored
  // on one of the two alone they outrank the chunk holding both; the rest hold neither.
  const texts = Array.from({ length: 59 }, (_, index) => (index < 10 ? '桥梁桥梁桥梁，城市新闻。' : index < 20 ? '隧道隧道隧道，城市新闻。' : '天气预报，城市新闻。'));
  const gold = '桥梁和隧道同时开工，城市新闻。';

  const openWith = (budget: (chunks: number) => KeywordBudget): SqliteArticleStore => openSqliteArticleStore(`${dir}/newsbot.db`, { keywordBudget: budget });

  beforeEach(() => {
    ({ dir, cleanup } = temporaryDirectory());
    store = openSqliteArticleStore(`${dir}/newsbot.db`);
    [...texts, gold].forEach((text, index) => {
      const article = makeArticle({ id: `a${index}`, title: '报道' });
      store.upsertArticle(article, 'h', makeChunks(article, [text]));
    });
    store.close();
  });

  afterEach(() => {
    store.close();
    cleanup();
  });

  const goldFirst = (): boolean => {
    const [first] = store.keywordSearch('桥梁隧道', 5);
    return first !== undefined && store.getChunks([first.id])[0]?.text === gold;
  };

  it('asks for the budget of the archive it searches', () => {
    const sizes: number[] = [];
    store = openWith((chunks) => {
      sizes.push(chunks);
      return keywordBudget(chunks);
    });
    store.keywordSearch('桥梁', 5);
    expect(sizes).toEqual([60]);
  });

  it('misses the chunk holding every term when the budget ranks one term and rescores too few', () => {
    store = openWith(() => ({ maxPostings: 1_000, rankedPostings: 1, rescorePool: 5 }));
    expect(goldFirst()).toBe(false);
  });

  it('finds it when the budget follows the archive', () => {
    store = openWith((chunks) =>
      keywordBudget(chunks, { selected: { share: 1, least: 1 }, ranked: { coefficient: 1, exponent: 1, least: 1 }, pool: { coefficient: 1, exponent: 1, least: 1 } }),
    );
    expect(goldFirst()).toBe(true);
  });
});
