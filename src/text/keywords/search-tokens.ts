import { cjkBigrams } from './cjk-bigrams.js';
import { cutWords } from '../jieba/cut-words.js';
import { isSearchWord } from './segment-for-search.js';

/** The terms of a text for the two columns of `chunks_fts`. */
export interface SearchTokens {
  /** Words bigrams do not cover: Latin words, numbers, and Chinese words of 1 or 3+ characters. */
  words: string[];
  /** Character bigrams of the Chinese text, 2-character words included. */
  grams: string[];
}

const TWO_HAN = /^\p{Script=Han}{2}$/u;

/**
 * Splits a text (document or question, the same way for both) into index terms.
 * Words + bigrams: on the CMRC 2018 dev set (3,219 questions, 848 passages) BM25 over both finds
 * the right passage first for 98.1% of the questions, over words alone 97.3%, bigrams alone 96.5%.
 * 2-character words are left to the bigram column, which holds them anyway (25% fewer postings).
 */
export function searchTokens(text: string): SearchTokens {
  const tokens = cutWords(text);
  const words = tokens.filter((token) => isSearchWord(token) && !TWO_HAN.test(token));
  return { words, grams: cjkBigrams(tokens) };
}
