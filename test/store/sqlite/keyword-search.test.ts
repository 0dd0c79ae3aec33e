import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteArticleStore, type SqliteArticleStore } from '../../../src/store/sqlite/sqlite-article-store.js';
import type { Article } from '../../../src/ingest/article.js';
import { makeArticle, makeChunks, temporaryDirectory } from '../store-fixtures.js';

describe('SqliteArticleStore.keywordSearch', () => {
  let cleanup: () => void;
  let store: SqliteArticleStore;
  const idsOf: Record<string, number[]> = {};

  const add = (article: Article, texts: string[]): void => {
    idsOf[article.id] = store.upsertArticle(article, 'h', makeChunks(article, texts)).chunkIds;
  };
  const articleOf = (chunkId: number): string | undefined => store.getChunks([chunkId])[0]?.articleId;
  const search = (query: string, range?: { from?: string; to?: string }): string[] => store.keywordSearch(query, 10, range).map((hit) => articleOf(hit.id) ?? '?');

  beforeEach(() => {
    let dir: string;
    ({ dir, cleanup } = temporaryDirectory());
    store = openSqliteArticleStore(`${dir}/newsbot.db`);
    add(makeArticle({ id: 'rail', title: '中车株洲所迈向千亿企业', date: '2026-04-21' }), ['中车株洲所正在向千亿规模企业迈进，轨道交通装备产业集群持续壮大。']);
    add(makeArticle({ id: 'trade', title: '义乌外贸出口额居全国首位', date: '2026-04-22' }), ['2025年义乌外贸出口额在全国县（市、区）中排名首位，COVID-19 之后增长明显。']);
    add(makeArticle({ id: 'food', title: '唐人神集团入围民营企业500强', date: '2026-04-23' }), ['唐人神集团入围中国民营企业500强榜单，生猪产业链继续延伸。']);
    add(makeArticle({ id: 'undated', title: '株洲天气', date: null }), ['株洲明天有雨，气温下降。']);
  });

  afterEach(() => {
    store.close();
    cleanup();
  });

  it('matches a two-character Chinese word', () => {
    expect(search('出口')).toEqual(['trade']);
    expect(search('株洲')).toEqual(expect.arrayContaining(['rail', 'undated']));
    expect(search('株洲')).toHaveLength(2);
  });

  it('finds a question phrased differently from the text', () => {
    expect(search('义乌2025年外贸出口额在全国县（市、区）中排第几？')[0]).toBe('trade');
    expect(search('中车株洲所正在向多大规模的企业迈进？')[0]).toBe('rail');
    expect(search('唐人神集团入围了哪些榜单？')[0]).toBe('food');
  });

  it('does not over-match a single character or characters that are never adjacent', () => {
    expect(search('株')).toEqual([]);
    expect(search('洲株')).toEqual([]);
    expect(search('千车')).toEqual([]);
  });

  it('ranks the chunk with more and rarer matches first', () => {
    const many = makeArticle({ id: 'many', title: '产业新闻', date: '2026-04-20' });
    add(many, ['生猪产业链、生猪价格与生猪养殖：生猪产业持续发展。']);
    const hits = store.keywordSearch('生猪产业链', 10);
    expect(articleOf(hits[0]!.id)).toBe('many');
    expect(hits.map((hit) => articleOf(hit.id))).toContain('food');
    for (let index = 1; index < hits.length; index += 1) expect(hits[index - 1]!.score).toBeGreaterThanOrEqual(hits[index]!.score);
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it('filters by an inclusive date range and leaves undated articles out of ranges', () => {
    expect(search('企业', { from: '2026-04-22' })).toEqual(['food']);
    expect(search('企业', { to: '2026-04-21' })).toEqual(['rail']);
    expect(search('企业', { from: '2026-04-21', to: '2026-04-23' }).sort()).toEqual(['food', 'rail']);
    expect(search('株洲', { from: '2000-01-01' })).toEqual(['rail']);
    expect(search('企业', { from: '2026-05-01' })).toEqual([]);
  });

  it('returns nothing for stop words, punctuation or an empty question', () => {
    expect(search('')).toEqual([]);
    expect(search('是什么？的了吗')).toEqual([]);
    expect(search('？！。，')).toEqual([]);
    expect(store.keywordSearch('出口', 0)).toEqual([]);
  });

  it('treats FTS5 syntax in the question as text', () => {
    expect(() => search('"出口" OR NEAR(义乌 * AND) -col:^')).not.toThrow();
    expect(search('义乌" OR "x')).toContain('trade');
  });

  it('matches across full-width, case and traditional characters', () => {
    expect(search('covid-19')).toEqual(['trade']);
    expect(search('ＣＯＶＩＤ')).toEqual(['trade']);
    expect(search('２０２５年')).toEqual(['trade']);
    expect(search('義烏')).toEqual(['trade']);
  });

  it('forgets removed and replaced chunks', () => {
    store.removeArticle('trade');
    expect(search('义乌')).toEqual([]);
    const rail = makeArticle({ id: 'rail', title: '新标题', date: '2026-04-21' });
    add(rail, ['湘江风光带建设完成。']);
    expect(search('千亿')).toEqual([]);
    expect(search('湘江')).toEqual(['rail']);
  });

  it('finds a term that is new to the archive right after it is added', () => {
    expect(search('磁浮')).toEqual([]);
    add(makeArticle({ id: 'maglev' }), ['株洲磁浮列车下线。']);
    expect(search('磁浮')).toEqual(['maglev']);
  });

  it('counts the chunks containing each term', () => {
    const frequencies = store.documentFrequencies(['株洲', '企业', '不存在', 'COVID-19', '500']);
    expect(frequencies.get('株洲')).toBe(2);
    expect(frequencies.get('企业')).toBe(2);
    expect(frequencies.get('不存在')).toBe(0);
    expect(frequencies.get('COVID-19')).toBe(1);
    expect(frequencies.get('500')).toBe(1);
  });
});

describe('SqliteArticleStore.keywordSearch in two passes', () => {
  it('still weighs a common term, counted in the candidates after FTS5 ranked the rare ones', () => {
    const { dir, cleanup } = temporaryDirectory();
    const store = openSqliteArticleStore(`${dir}/newsbot.db`);
    try {
      // 公司 is in more chunks than the ranked pass scores (2,000 postings), so FTS5 ranks by 河城大桥 alone; it is
      // in under half of them, so it still weighs something in BM25.
      store.transaction(() => {
        for (let index = 0; index < 10_000; index += 1) {
          const filler = makeArticle({ id: `filler-${index}`, title: `第${index}号简讯`, date: '2026-01-01' });
          store.upsertArticle(filler, 'h', makeChunks(filler, [index < 2_100 ? `本市第${index}家公司完成年度报告。` : `本市第${index}个社区完成年度总结。`]));
        }
      });
      const residents = makeArticle({ id: 'residents', title: '简讯', date: '2026-05-01' });
      store.upsertArticle(residents, 'h', makeChunks(residents, ['河城大桥今天正式通车，市民前来参观。']));
      const company = makeArticle({ id: 'company', title: '简讯', date: '2026-05-01' });
      store.upsertArticle(company, 'h', makeChunks(company, ['河城大桥今天正式通车，公司员工参观。']));
      const articleOf = (hit: { id: number } | undefined): string | undefined => (hit ? store.getChunks([hit.id])[0]?.articleId : undefined);
      // On the rare words alone the residents' chunk comes first (its text is cut into fewer tokens); the common word
      // 公司, left out of the FTS5 query, puts the company's first.
      expect(store.keywordSearch('河城大桥', 5).map(articleOf)).toEqual(['residents', 'company']);
      expect(store.keywordSearch('河城大桥是哪家公司建的', 5).map(articleOf)).toEqual(['company', 'residents']);
    } finally {
      store.close();
      cleanup();
    }
  });
});
