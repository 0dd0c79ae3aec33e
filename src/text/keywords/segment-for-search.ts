import { cutWords } from '../jieba/cut-words.js';
import { isStopWord } from '../stop-words.js';

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The words of a text as keyword search sees them: normalized (`normalizeForMatching`), cut by
 * jieba, without punctuation, spaces and stop words. Order follows the text; repeats are kept.
 * The index also holds Chinese character bigrams (`searchTokens`), which catch what a
 * different cut of the same phrase would miss.
 */
export function segmentForSearch(text: string): string[] {
  return cutWords(text).filter(isSearchWord);
}

/** A token worth indexing: has a letter or digit and is not a stop word. */
export function isSearchWord(token: string): boolean {
  return HAS_WORD_CHARACTER.test(token) && !isStopWord(token);
}
