import { wordRarity } from '../text/word-rarity.js';
import type { QuestionUnit } from './question-profile.js';
import type { UnitWeights } from './score-sentences.js';

/** Verbs and adjectives count for less: articles rephrase them more than names and nouns. */
const RELATION_FACTOR = 0.6;

/**
 * Weight of each question word: its rarity in general language (jieba's IDF table; a word the table lacks, usually
 * a name, weighs as the rarest), not in the archive. An archive's own IDF depends on its size: on a one-page archive
 * any word the page never uses weighs most (文中, 请问, a paraphrase) and its city's name least, so the same
 * question would be weighed one way on a page and another on a decade. General rarity reads alike on both.
 */
export function unitWeights(units: readonly QuestionUnit[]): UnitWeights {
  return new Map(units.map((unit) => [unit.text, wordRarity(unit.text) * (unit.role === 'relation' ? RELATION_FACTOR : 1)]));
}
