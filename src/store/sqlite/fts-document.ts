import { searchTokens } from '../../text/keywords/search-tokens.js';

/** The two columns of a `chunks_fts` row: space-separated terms for the unicode61 tokenizer. */
export interface FtsDocument {
  words: string;
  grams: string;
}

/** Segments a chunk's heading and text for the full-text index. */
export function ftsDocument(heading: string, text: string): FtsDocument {
  const tokens = searchTokens(`${heading}\n${text}`);
  return { words: tokens.words.join(' '), grams: tokens.grams.join(' ') };
}
