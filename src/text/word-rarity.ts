// General-language rarity of a word, from jieba's IDF table: 专精特新 outweighs 企业, which outweighs 达到.
import { idf } from '@node-rs/jieba/dict.js';

/** Weight given to a word the table lacks: usually a name or a coined term, hence rare. */
export const UNKNOWN_WORD_RARITY = 10;

/** The raw table: one `word idf` line per word (270,000 lines, 6 MB, in no useful order). */
interface RarityTable {
  bytes: Buffer;
  /** Open-addressing hash of the lines: 1 + the offset of a line whose word hashes to the slot, 0 when empty. */
  slots: Int32Array;
  mask: number;
}

let table: RarityTable | null = null;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/**
 * Inverse document frequency of `word` in jieba's reference corpus (about 2 for 的-like words, 12 for the rarest),
 * or `UNKNOWN_WORD_RARITY`. The first call hashes the table's words (some tens of milliseconds, 2 MB of slots
 * beside the table jieba already holds); each look-up then reads one or two lines, however many new words arrive.
 */
export function wordRarity(word: string): number {
  const current = table ?? buildTable();
  const key = Buffer.from(word, 'utf8');
  for (let slot = hashBytes(key, 0, key.length) & current.mask; ; slot = (slot + 1) & current.mask) {
    const entry = current.slots[slot]!;
    if (entry === 0) return UNKNOWN_WORD_RARITY;
    const start = entry - 1;
    const end = start + key.length;
    if (current.bytes[end] === SPACE && current.bytes.compare(key, 0, key.length, start, end) === 0) {
      const lineEnd = current.bytes.indexOf(NEWLINE, end);
      const value = Number.parseFloat(current.bytes.toString('latin1', end + 1, lineEnd < 0 ? current.bytes.length : lineEnd));
      return Number.isFinite(value) ? value : UNKNOWN_WORD_RARITY;
    }
  }
}

function buildTable(): RarityTable {
  const bytes = Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength);
  let lines = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) lines += 1;
  let size = 1;
  while (size < (lines + 1) * 2) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let start = 0; start < bytes.length; ) {
    const lineEnd = bytes.indexOf(NEWLINE, start);
    const end = lineEnd < 0 ? bytes.length : lineEnd;
    const space = bytes.lastIndexOf(SPACE, end);
    if (space > start) {
      let slot = hashBytes(bytes, start, space) & mask;
      // The first line of a word wins, as a scan from the top would find it.
      while (slots[slot] !== 0 && !sameWord(bytes, slots[slot]! - 1, start, space - start)) slot = (slot + 1) & mask;
      if (slots[slot] === 0) slots[slot] = start + 1;
    }
    start = end + 1;
  }
  table = { bytes, slots, mask };
  return table;
}

function sameWord(bytes: Buffer, otherStart: number, start: number, length: number): boolean {
  return bytes[otherStart + length] === SPACE && bytes.compare(bytes, start, start + length, otherStart, otherStart + length) === 0;
}

/** FNV-1a over bytes [start, end). */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ bytes[index]!, 0x01000193);
  return hash >>> 0;
}
