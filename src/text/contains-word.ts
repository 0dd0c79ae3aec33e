import { isWordBoundary } from './jieba/is-word-boundary.js';

/**
 * Whether `text` holds `word` as a word rather than across two words: an occurrence counts when it starts
 * or ends on one of jieba's word boundaries (株洲 in 株洲市, 大桥 in 湘江大桥), and not when it begins
 * inside one word and ends inside the next (市长 in 城市|长廊). Both texts are expected folded alike.
 */
export function containsWord(text: string, word: string): boolean {
  let position = text.indexOf(word);
  if (position < 0) return false;
  if (word.length < 2) return true;
  while (position >= 0) {
    if (isWordBoundary(text, position) || isWordBoundary(text, position + word.length)) return true;
    position = text.indexOf(word, position + 1);
  }
  return false;
}
