import { containsWord } from '../text/contains-word.js';
import type { QuestionUnit } from './question-profile.js';

/**
 * How much of a question word a (normalized, numeral-folded) text holds, 0–1. Whole word, on word
 * boundaries (城市长廊 does not hold 市长): 1. Otherwise partial credit from its character bigrams
 * (管理中心 vs 管理了…中心), and a little from single characters, more for verbs and adjectives, the
 * words articles paraphrase (降到 vs 降至).
 */
export function matchUnit(unit: QuestionUnit, text: string): number {
  if (containsWord(text, unit.text)) return 1;
  const characters = [...unit.text];
  if (characters.length < 2 || !/\p{Script=Han}/u.test(unit.text)) return 0;
  let bigrams = 0;
  for (let index = 0; index + 1 < characters.length; index += 1) if (text.includes(characters[index]! + characters[index + 1]!)) bigrams += 1;
  const bigramCredit = characters.length > 2 ? (0.8 * bigrams) / (characters.length - 1) : 0;
  const present = characters.filter((character) => !COMMON_CHARACTERS.has(character) && text.includes(character)).length;
  return Math.max(bigramCredit, ((unit.role === 'relation' ? 0.5 : 0.3) * present) / characters.length);
}

/** Characters too common to count as a partial match on their own (属于 vs 基于). */
const COMMON_CHARACTERS = new Set([...'的了是在和与于为有不也就都而及其之以到对从把被这那个中上下大小人年月日'.normalize()]);
