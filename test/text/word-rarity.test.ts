import { idf } from '@node-rs/jieba/dict.js';
import { describe, expect, it } from 'vitest';
import { UNKNOWN_WORD_RARITY, wordRarity } from '../../src/text/word-rarity.js';

/** The table read the slow, obvious way: the first line of each word. */
function scanTable(): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength).toString('utf8').split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space > 0 && !values.has(line.slice(0, space))) values.set(line.slice(0, space), Number.parseFloat(line.slice(space + 1)));
  }
  return values;
}

describe('wordRarity', () => {
  const table = scanTable();
  const words = [...table.keys()];

  it('gives the value of the table for words across the whole table, first and last lines included', () => {
    const sample = [words[0]!, words[1]!, words.at(-1)!, ...words.filter((_, index) => index % 9973 === 0)];
    for (const word of sample) expect(wordRarity(word), word).toBe(table.get(word));
  });

  it('ranks a specific word above a common one', () => {
    expect(wordRarity('专精特新')).toBeGreaterThan(wordRarity('企业'));
    expect(wordRarity('企业')).toBeGreaterThan(wordRarity('我们'));
  });

  it('gives the unknown weight to words the table lacks, prefixes of longer words included', () => {
    expect(wordRarity('株洲新区未有之词')).toBe(UNKNOWN_WORD_RARITY);
    const long = words.find((word) => [...word].length >= 4 && !table.has([...word].slice(0, 3).join('')))!;
    expect(wordRarity([...long].slice(0, 3).join(''))).toBe(UNKNOWN_WORD_RARITY);
  });
});
