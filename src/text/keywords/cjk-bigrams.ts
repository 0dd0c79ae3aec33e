import { isStopWord } from '../stop-words.js';

const ALL_HAN = /^\p{Script=Han}+$/u;

/**
 * Overlapping character bigrams of the Chinese runs in a jieba cut (中国 经济 → 中国, 国经, 经济).
 * Runs break at stop words, punctuation and non-Chinese tokens, so 中国 的 经济 gives 中国 and
 * 经济 but no 国的 or 的经; a lone character between breaks gives no bigram.
 */
export function cjkBigrams(tokens: readonly string[]): string[] {
  const bigrams: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    for (let index = 0; index + 1 < run.length; index += 1) bigrams.push(run[index]! + run[index + 1]!);
    run = [];
  };
  for (const token of tokens) {
    if (ALL_HAN.test(token) && !isStopWord(token)) run.push(...token);
    else flush();
  }
  flush();
  return bigrams;
}
