import { normalizeForMatching } from '../shared/normalize-text.js';
import { jiebaInstance } from './jieba-instance.js';
import { isStopWord } from './stop-words.js';

const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Splits text into the words keyword search indexes and queries: the text is normalized
 * (`normalizeForMatching`), cut by jieba in search mode (long words also yield their
 * dictionary sub-words: 北京大学 → 北京, 大学, 北京大学), and punctuation, spaces and
 * stop words are dropped. Order follows the text; repeats are kept (they are term frequency).
 */
export function segmentForSearch(text: string): string[] {
  return jiebaInstance()
    .cutForSearch(normalizeForMatching(text), true)
    .map((token) => token.trim())
    .filter(isSearchWord);
}

/** A token worth indexing: has a letter or digit and is not a stop word. */
export function isSearchWord(token: string): boolean {
  return HAS_WORD_CHARACTER.test(token) && !isStopWord(token);
}
