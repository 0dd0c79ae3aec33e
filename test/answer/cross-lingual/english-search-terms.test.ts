import { describe, expect, it } from 'vitest';
import { englishSearchTerms } from '../../../src/answer/cross-lingual/english-search-terms.js';
import type { EnglishIndex } from '../../../src/text/bilingual/english-index.js';

const INDEX: EnglishIndex = {
  version: 'test',
  glosses: {
    city: [['城市', 1]],
    council: [['理事会', 0.85]],
    'city council': [['市议会', 0.85]],
    budget: [['预算', 1]],
    bridge: [
      ['桥梁', 1],
      ['大桥', 0.4],
    ],
    length: [['长度', 1]],
    'this year': [['今年', 1]],
    primary: [['第一', 1]],
    secondary: [['第二', 1]],
    school: [['学校', 1]],
    'primary school': [['小学', 1]],
    'secondary school': [['中学', 1]],
  },
  names: { riverton: ['河城'] },
  syllables: { li: '李里', hua: '华花' },
};

describe('englishSearchTerms', () => {
  it('takes a phrase over its single words, and keeps numbers and Latin acronyms', () => {
    const terms = englishSearchTerms('How big was the city council budget in 2025 according to the GDP report?', INDEX);
    expect(terms.segments.map((segment) => [segment.kind, segment.candidates[0]?.[0]])).toEqual([
      ['gloss', '市议会'],
      ['gloss', '预算'],
      ['number', '2025'],
      ['latin', 'GDP'],
    ]);
    expect(terms.questionWord).toBe('多少');
  });

  it('reads inflected words and time phrases, and spells names from pinyin', () => {
    const terms = englishSearchTerms('What is the length of the Riverton bridges this year?', INDEX);
    expect(terms.segments.map((segment) => segment.candidates[0]?.[0])).toEqual(['长度', '河城', '桥梁', '今年']);
  });

  it('reads two modifiers of one head as two phrases (primary and secondary schools → 小学, 中学)', () => {
    const terms = englishSearchTerms('How many primary and secondary schools were built?', INDEX);
    expect(terms.segments.map((segment) => [segment.english, segment.candidates[0]?.[0]])).toEqual([
      ['primary schools', '小学'],
      ['secondary schools', '中学'],
    ]);
    // One of the two in the archive is enough (中小学 holds 小学, not 中学); neither, and the words are read one by one.
    const either = englishSearchTerms('How many primary and secondary schools were built?', INDEX, { inArchive: (term) => term !== '中学' });
    expect(either.segments.map((segment) => segment.candidates[0]?.[0])).toEqual(['小学', '中学']);
    const words = englishSearchTerms('How many primary and secondary schools were built?', INDEX, { inArchive: (term) => !term.endsWith('学') });
    expect(words.segments.map((segment) => segment.candidates[0]?.[0])).toEqual(['第一', '第二', '学校']);
  });

  it('spells a name the dictionary lacks from its syllables, as the archive writes it', () => {
    const terms = englishSearchTerms('Where does Li Hua work?', INDEX, { inArchive: (term) => '李华'.startsWith(term) });
    expect(terms.segments[0]).toMatchObject({ kind: 'name', candidates: [['李华', 1]] });
    expect(terms.questionWord).toBe('哪里');
  });
});
