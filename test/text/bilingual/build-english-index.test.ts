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

  it("offers a compound's head for the head of its two-word gloss when the rest aligns, and not otherwise", () => {
    const compounds = buildEnglishIndex(
      [
        { simplified: '水', pinyin: 'shui3', definitions: ['water'] },
        { simplified: '处理', pinyin: 'chu3 li3', definitions: ['to handle', 'to deal with'] },
        { simplified: '水处理', pinyin: 'shui3 chu3 li3', definitions: ['water treatment'] },
        { simplified: '日益', pinyin: 'ri4 yi4', definitions: ['day by day', 'increasingly'] },
        { simplified: '增加', pinyin: 'zeng1 jia1', definitions: ['to increase'] },
        { simplified: '日益增加', pinyin: 'ri4 yi4 zeng1 jia1', definitions: ['increase daily'] },
      ],
      'test',
    );
    expect(compounds.glosses.treatment?.map(([headword]) => headword)).toContain('处理');
    expect(compounds.glosses.daily?.map(([headword]) => headword)).not.toContain('增加');
  });
});
