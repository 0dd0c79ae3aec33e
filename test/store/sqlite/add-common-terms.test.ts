import { describe, expect, it } from 'vitest';
import { addCommonTerms } from '../../../src/store/sqlite/add-common-terms.js';
import { splitRankedTerms } from '../../../src/store/sqlite/select-query-terms.js';

describe('addCommonTerms', () => {
  const texts = new Map([
    [1, '河城大桥今天通车。'],
    [2, '河城大桥由河城公司建设，公司投资12亿元。'],
    [3, 'the bridge opened, officials said'],
    [4, 'ai and the bridge'],
  ]);

  it('lifts the candidate that also holds the common terms, the more occurrences the higher', () => {
    const hits = [
      { id: 1, score: 5 },
      { id: 2, score: 4.9 },
    ];
    const rescored = addCommonTerms(hits, texts, [{ text: '公司', frequency: 300 }], 10_000);
    expect(rescored.map((hit) => hit.id)).toEqual([2, 1]);
    expect(rescored[0]!.score).toBeGreaterThan(4.9);
    expect(rescored[1]!.score).toBe(5);
  });

  it('counts a Latin word only as a whole word', () => {
    const hits = [
      { id: 3, score: 1 },
      { id: 4, score: 1 },
    ];
    const rescored = addCommonTerms(hits, texts, [{ text: 'ai', frequency: 10 }], 10_000);
    expect(rescored.find((hit) => hit.id === 3)!.score).toBe(1);
    expect(rescored.find((hit) => hit.id === 4)!.score).toBeGreaterThan(1);
  });

  it("weighs by the chunks' token lengths against the index's average when given them, as bm25() does", () => {
    const same = new Map([
      [5, '公司新闻'],
      [6, '公司新闻'],
    ]);
    const hits = [
      { id: 5, score: 1 },
      { id: 6, score: 1 },
    ];
    const terms = [{ text: '公司', frequency: 300 }];
    // By characters the two texts are alike; by tokens chunk 6 is four times as long, so the term counts less there.
    const byCharacters = addCommonTerms(hits, same, terms, 10_000);
    expect(byCharacters[0]!.score).toBe(byCharacters[1]!.score);
    const byTokens = addCommonTerms(hits, same, terms, 10_000, { length: (chunkId) => (chunkId === 6 ? 40 : 10), average: 20 });
    expect(byTokens.map((hit) => hit.id)).toEqual([5, 6]);
    expect(byTokens[0]!.score).toBeGreaterThan(byTokens[1]!.score);
    // At the average length the norm is 1: idf × (k1 + 1) / (1 + k1) = idf for one occurrence.
    const average = addCommonTerms([{ id: 5, score: 0 }], same, terms, 10_000, { length: () => 20, average: 20 });
    expect(average[0]!.score).toBeCloseTo(Math.log((10_000 - 300 + 0.5) / 300.5), 12);
  });

  it('keeps the order when there is nothing to add', () => {
    const hits = [
      { id: 2, score: 3 },
      { id: 1, score: 2 },
    ];
    expect(addCommonTerms(hits, texts, [], 100)).toEqual(hits);
  });
});

describe('splitRankedTerms', () => {
  const frequency: Record<string, number> = { 河城: 2, 大桥: 900, 公司: 1_500, 建设: 4_000 };
  const terms = ['河城', '大桥', '公司', '建设'].map((text) => ({ text, column: 'grams' as const }));

  it('ranks the rarest terms up to the postings budget and leaves the rest to be counted', () => {
    const { ranked, common } = splitRankedTerms(terms, (term) => frequency[term] ?? 0, 2_000);
    expect(ranked.map((term) => term.text)).toEqual(['河城', '大桥']);
    expect(common.map(({ term, frequency: count }) => [term.text, count])).toEqual([
      ['公司', 1_500],
      ['建设', 4_000],
    ]);
  });

  it('always ranks at least the rarest term', () => {
    const { ranked, common } = splitRankedTerms(terms.slice(3), (term) => frequency[term] ?? 0, 100);
    expect(ranked.map((term) => term.text)).toEqual(['建设']);
    expect(common).toEqual([]);
  });
});
