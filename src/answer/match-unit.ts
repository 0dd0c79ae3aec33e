import { containsWord } from '../text/contains-word.js';
import type { QuestionUnit } from './question-profile.js';

/**
 * How much of a question word a (normalized, numeral-folded) text holds, 0–1. Whole word, on word
 * boundaries (城市长廊 does not hold 市长): 1. Otherwise partial credit from its character bigrams
 * (管理中心 vs 管理了…中心), and a little from single characters, more for verbs and adjectives, the
 * words articles paraphrase (降到 vs 降至).
 */
export function matchUnit(unit: QuestionUnit, text: string): number {
  return unitMatcher(unit)(text);
}

/**
 * `matchUnit` for one word against many texts: what depends on the word alone (its characters, bigrams and the
 * characters that earn partial credit) is worked out once. A question's words are matched against every sentence
 * of eight passages, their neighbours and articles, some hundred texts each.
 */
export function unitMatcher(unit: QuestionUnit): (text: string) => number {
  const word = unit.text;
  const characters = [...word];
  if (characters.length < 2 || !/\p{Script=Han}/u.test(word)) return (text) => (containsWord(text, word) ? 1 : 0);
  // Bigram credit is only given to words of three characters or more; repeated bigrams and characters count each time.
  const bigrams: string[] = [];
  if (characters.length > 2) for (let index = 0; index + 1 < characters.length; index += 1) bigrams.push(characters[index]! + characters[index + 1]!);
  const counted = characters.filter((character) => !COMMON_CHARACTERS.has(character));
  const characterFactor = unit.role === 'relation' ? 0.5 : 0.3;
  return (text) => {
    if (containsWord(text, word)) return 1;
    let found = 0;
    for (const bigram of bigrams) if (text.includes(bigram)) found += 1;
    const bigramCredit = bigrams.length > 0 ? (0.8 * found) / (characters.length - 1) : 0;
    let present = 0;
    for (const character of counted) if (text.includes(character)) present += 1;
    return Math.max(bigramCredit, (characterFactor * present) / characters.length);
  };
}

/** Characters too common to count as a partial match on their own (属于 vs 基于). */
const COMMON_CHARACTERS = new Set([...'的了是在和与于为有不也就都而及其之以到对从把被这那个中上下大小人年月日'.normalize()]);
