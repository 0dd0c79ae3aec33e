import { describe, expect, it } from 'vitest';
import { buildEnglishIndex } from '../../../src/text/bilingual/build-english-index.js';
import { englishGlosses } from '../../../src/text/bilingual/english-glosses.js';

describe('englishGlosses', () => {
  it('splits senses and drops notes, cross-references and placeholders', () => {
    expect(englishGlosses('to build; to construct (a bridge)')).toEqual([['build'], ['construct']]);
    expect(englishGlosses('variant of 橋|桥[qiao2]')).toEqual([]);
    expect(englishGlosses('to give sb sth')).toEqual([['give']]);
  });
});

describe('buildEnglishIndex', () => {
  const index = buildEnglishIndex(
    [
      { simplified: '校', pinyin: 'xiao4', definitions: ['school', 'military rank', 'to proofread'] },
      { simplified: '学校', pinyin: 'xue2 xiao4', definitions: ['school'] },
      { simplified: '市议会', pinyin: 'shi4 yi4 hui4', definitions: ['city council'] },
      { simplified: '高中', pinyin: 'gao1 zhong1', definitions: ['senior high school'] },
      { simplified: '大桥', pinyin: 'Da4 Qiao2', definitions: ['Da Qiao, a famous beauty'] },
      { simplified: '桥梁', pinyin: 'qiao2 liang2', definitions: ['bridge'] },
      { simplified: '株洲', pinyin: 'Zhu1 zhou1', definitions: ['see 株洲市[Zhu1 zhou1 Shi4]'] },
    ],
    'test',
  );

  it('prefers a common two-character word with one sense over an ambiguous single character', () => {
    expect(index.glosses.school?.map(([headword]) => headword).slice(0, 2)).toEqual(['学校', '校']);
  });

  it('indexes phrases whole, and the end of a longer gloss as a phrase', () => {
    expect(index.glosses['city council']?.[0]?.[0]).toBe('市议会');
    expect(index.glosses['high school']?.[0]?.[0]).toBe('高中');
  });

  it('finds names by their pinyin, and syllables for names it lacks', () => {
    expect(index.names.zhuzhou).toEqual(['株洲']);
    expect(index.syllables.xiao).toBe('校');
  });
});
