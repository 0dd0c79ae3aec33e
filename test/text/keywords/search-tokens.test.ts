import { describe, expect, it } from 'vitest';
import { segmentForSearch } from '../../../src/text/keywords/segment-for-search.js';
import { searchTokens } from '../../../src/text/keywords/search-tokens.js';
import { cjkBigrams } from '../../../src/text/keywords/cjk-bigrams.js';
import { buildFtsMatch, queryTerms, quoteFtsString } from '../../../src/store/sqlite/fts-query.js';
import { selectQueryTerms } from '../../../src/store/sqlite/select-query-terms.js';

describe('segmentForSearch', () => {
  it('cuts words and drops punctuation and stop words', () => {
    const words = segmentForSearch('北京大学在哪里？谁是CEO');
    expect(words).toContain('北京大学');
    expect(words).toContain('ceo');
    for (const dropped of ['在', '哪里', '？', '谁', '是']) expect(words).not.toContain(dropped);
  });

  it('normalizes full-width and traditional text', () => {
    expect(segmentForSearch('ＣＥＯ')).toEqual(['ceo']);
    expect(segmentForSearch('經濟')).toEqual(segmentForSearch('经济'));
  });
});

describe('cjkBigrams', () => {
  it('makes overlapping bigrams of Chinese runs, broken at stop words and other tokens', () => {
    expect(cjkBigrams(['中国', '经济'])).toEqual(['中国', '国经', '经济']);
    expect(cjkBigrams(['中国', '的', '经济'])).toEqual(['中国', '经济']);
    expect(cjkBigrams(['株洲', '2026', '年'])).toEqual(['株洲']);
    expect(cjkBigrams(['好'])).toEqual([]);
  });
});

describe('searchTokens', () => {
  it('leaves two-character words to the bigrams and keeps the rest as words', () => {
    const tokens = searchTokens('国家统计局发布2024年数据');
    expect(tokens.grams).toEqual(expect.arrayContaining(['国家', '统计', '发布']));
    expect(tokens.words).toEqual(expect.arrayContaining(['国家统计局', '2024']));
    expect(tokens.words).not.toContain('发布');
  });
});

describe('buildFtsMatch', () => {
  it('quotes every term and ORs them per column', () => {
    expect(buildFtsMatch(queryTerms('义乌出口'))).toBe('grams : ("义乌" OR "乌出" OR "出口")');
    expect(
      buildFtsMatch([
        { text: 'a"b', column: 'words' },
        { text: '中国', column: 'grams' },
      ]),
    ).toBe('words : ("a""b") OR grams : ("中国")');
    expect(buildFtsMatch([])).toBeNull();
    expect(quoteFtsString('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('selectQueryTerms', () => {
  const terms = ['稀有', '常见', '很常见', '没有'].map((text) => ({ text, column: 'grams' as const }));
  const frequencies: Record<string, number> = { 稀有: 3, 常见: 4_000, 很常见: 9_000, 没有: 0 };
  const documentFrequency = (term: string): number => frequencies[term] ?? 0;

  it('drops absent terms and keeps the rarest within the postings budget', () => {
    expect(selectQueryTerms(terms, { documentFrequency }).map((term) => term.text)).toEqual(['稀有', '常见']);
    expect(selectQueryTerms(terms, { documentFrequency, maxPostings: 1e6 }).map((term) => term.text)).toEqual(['稀有', '常见', '很常见']);
    expect(selectQueryTerms(terms, { documentFrequency, maxTerms: 1 }).map((term) => term.text)).toEqual(['稀有']);
  });

  it('keeps the rarest term even when it alone exceeds the budget', () => {
    expect(selectQueryTerms(terms.slice(2), { documentFrequency, maxPostings: 10 }).map((term) => term.text)).toEqual(['很常见']);
  });

  it('keeps phrases fts5vocab cannot count', () => {
    const phrase = { text: 'covid-19', column: 'words' as const };
    expect(selectQueryTerms([phrase], { documentFrequency: () => 0 })).toEqual([phrase]);
  });
});
