import { describe, expect, it } from 'vitest';
import { splitSentenceSpans, splitSentences } from '../../src/text/split-sentences.js';

describe('splitSentences options', () => {
  it('keeps a run of end marks and closing quotes with its sentence', () => {
    expect(splitSentences('书名为《变变变！》。序言称“不取。”。下一句')).toEqual(['书名为《变变变！》。', '序言称“不取。”。', '下一句']);
  });

  it('does not end at a semicolon inside brackets: it separates the items of an aside', () => {
    expect(splitSentences('氨碱法（Solvay process、ammonia-soda process；又称“索尔维制碱法”）是一种工艺。它用氨。')).toEqual([
      '氨碱法（Solvay process、ammonia-soda process；又称“索尔维制碱法”）是一种工艺。',
      '它用氨。',
    ]);
    expect(splitSentences('安哥拉匡撒(符号: Kz; ISO货币编号: AOA)是安哥拉的流通货币。')).toEqual(['安哥拉匡撒(符号: Kz; ISO货币编号: AOA)是安哥拉的流通货币。']);
    expect(splitSentences('甲（乙）；丙。')).toEqual(['甲（乙）；', '丙。']);
  });

  it('ends at semicolons unless told not to', () => {
    expect(splitSentences('甲；乙。')).toEqual(['甲；', '乙。']);
    expect(splitSentences('甲；乙。', { semicolons: false })).toEqual(['甲；乙。']);
  });

  it('ends at a spaced Latin full stop only with latinStops, where a bare ; then always ends', () => {
    expect(splitSentences('No. 5 中学;好')).toEqual(['No.', '5 中学;好']);
    expect(splitSentences('No. 5 中学;好', { latinStops: false })).toEqual(['No. 5 中学;', '好']);
  });

  it('can leave ellipses inside sentences and keep trailing citations', () => {
    expect(splitSentences('等等…然后。[1][2] 下一句[3]。', { ellipsis: false, citations: true })).toEqual(['等等…然后。[1][2]', '下一句[3]。']);
  });

  it('reports offsets into the text', () => {
    expect(splitSentenceSpans(' 甲。\n乙')).toEqual([
      { text: '甲。', start: 1, end: 3 },
      { text: '乙', start: 4, end: 5 },
    ]);
  });
});
