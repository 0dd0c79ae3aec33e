// General-language rarity of a word, from jieba's IDF table: 专精特新 outweighs 企业, which outweighs 达到.
import { idf } from '@node-rs/jieba/dict.js';

/** Weight given to a word the table lacks: usually a name or a coined term, hence rare. */
export const UNKNOWN_WORD_RARITY = 10;

const cache = new Map<string, number>();

/**
 * Inverse document frequency of `word` in jieba's reference corpus (about 2 for 的-like words, 12 for the rarest),
 * or `UNKNOWN_WORD_RARITY`. Looks the word up in the raw table (a few milliseconds) rather than loading
 * all 350,000 entries, since a claim has only a dozen words.
 */
export function wordRarity(word: string): number {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const rarity = lookUp(Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength), word) ?? UNKNOWN_WORD_RARITY;
  cache.set(word, rarity);
  return rarity;
}

function lookUp(table: Buffer, word: string): number | null {
  const entry = Buffer.from(`${word} `, 'utf8');
  let valueStart: number;
  if (table.subarray(0, entry.length).equals(entry)) valueStart = entry.length;
  else {
    const position = table.indexOf(Buffer.concat([Buffer.from('\n'), entry]));
    if (position < 0) return null;
    valueStart = position + 1 + entry.length;
  }
  const lineEnd = table.indexOf(0x0a, valueStart);
  const value = Number.parseFloat(table.subarray(valueStart, lineEnd < 0 ? table.length : lineEnd).toString('utf8'));
  return Number.isFinite(value) ? value : null;
}
