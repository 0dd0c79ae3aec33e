import type { QuestionUnit } from './question-profile.js';

/**
 * How much of a question word a (normalized) text holds, 0–1. Whole word: 1. Otherwise partial
 * credit from its character bigrams (管理中心 vs 管理了…中心), and a little from single
 * characters, more for verbs and adjectives, the words articles paraphrase (降到 vs 降至).
 */
export function matchUnit(unit: QuestionUnit, text: string): number {
  if (text.includes(unit.text)) return 1;
  const characters = [...unit.text];
  if (characters.length < 2 || !/\p{Script=Han}/u.test(unit.text)) return 0;
  let bigrams = 0;
  for (let index = 0; index + 1 < characters.length; index += 1) if (text.includes(characters[index]! + characters[index + 1]!)) bigrams += 1;
  const bigramCredit = characters.length > 2 ? (0.8 * bigrams) / (characters.length - 1) : 0;
  const present = characters.filter((character) => text.includes(character)).length;
  return Math.max(bigramCredit, ((unit.role === 'relation' ? 0.5 : 0.3) * present) / characters.length);
}
