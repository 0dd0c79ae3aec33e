import { normalizeForMatching } from '../shared/normalize-text.js';
import { jiebaInstance } from './jieba-instance.js';
import { isStopWord } from './stop-words.js';

const ALL_HAN = /^\p{Script=Han}+$/u;

/**
 * Overlapping character bigrams of the Chinese text (中国经济 → 中国, 国经, 经济).
 * They recover matches where jieba cuts a question differently from the article.
 * Runs are broken at stop words, punctuation and non-Chinese tokens, so 中国的经济 gives
 * 中国, 经济 and no 国的 / 的经; a lone character between breaks gives nothing (jieba's
 * words cover it).
 */
export function cjkBigrams(text: string): string[] {
  const bigrams: string[] = [];
  let run = '';
  const flush = (): void => {
    const characters = Array.from(run);
    for (let index = 0; index + 1 < characters.length; index += 1) bigrams.push(characters[index]! + characters[index + 1]!);
    run = '';
  };
  for (const token of jiebaInstance().cut(normalizeForMatching(text), true)) {
    if (ALL_HAN.test(token) && !isStopWord(token)) run += token;
    else flush();
  }
  flush();
  return bigrams;
}
