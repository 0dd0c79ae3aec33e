import { cjkBigrams } from './cjk-bigrams.js';
import { segmentForSearch } from './segment-for-search.js';

/** The two columns of a `chunks_fts` row: space-separated tokens for the unicode61 tokenizer. */
export interface FtsDocument {
  words: string;
  grams: string;
}

/** Segments a chunk's heading and text for the full-text index. */
export function ftsDocument(heading: string, text: string): FtsDocument {
  const combined = `${heading}\n${text}`;
  return { words: segmentForSearch(combined).join(' '), grams: cjkBigrams(combined).join(' ') };
}
