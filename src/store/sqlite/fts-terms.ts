import type { FtsDocument } from './fts-document.js';

/** What unicode61 keeps as token characters: letters, numbers and private-use characters (its default categories). */
const SEPARATORS = /[^\p{L}\p{N}\p{Co}]+/u;
const DIACRITICS = /\p{Mn}/gu;

/**
 * The distinct terms `chunks_fts` indexes for a document, in either column, as its tokenizer (unicode61,
 * remove_diacritics 2) makes them: folded to lower case without diacritics, split at every other character
 * (`covid-19` is `covid` and `19`). These are the terms whose chunk counts `term_frequencies` keeps.
 */
export function ftsTerms(document: FtsDocument): Set<string> {
  const terms = new Set<string>();
  for (const column of [document.words, document.grams]) {
    for (const token of column.toLowerCase().normalize('NFD').replace(DIACRITICS, '').normalize('NFC').split(SEPARATORS)) {
      if (token.length > 0) terms.add(token);
    }
  }
  return terms;
}
