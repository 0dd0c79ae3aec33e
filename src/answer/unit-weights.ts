import type { ArticleStore } from '../store/article-store.js';
import type { QuestionUnit } from './question-profile.js';
import type { UnitWeights } from './score-sentences.js';

/** Verbs and adjectives count for less: articles rephrase them more than names and nouns. */
const RELATION_FACTOR = 0.6;

/**
 * Inverse document frequency of each question word over the archive's chunks (a long word's
 * frequency is bounded by its rarest bigram). A word absent from the archive weighs most:
 * its absence is the strongest sign that the archive does not answer.
 */
export function unitWeights(store: Pick<ArticleStore, 'documentFrequencies' | 'stats'>, units: readonly QuestionUnit[]): UnitWeights {
  const documents = Math.max(1, store.stats().chunks);
  const frequencies = store.documentFrequencies(units.flatMap((unit) => unit.indexTerms));
  const weights = new Map<string, number>();
  for (const unit of units) {
    const frequency = Math.min(...unit.indexTerms.map((term) => frequencies.get(term) ?? 0));
    const idf = Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
    weights.set(unit.text, idf * (unit.role === 'relation' ? RELATION_FACTOR : 1));
  }
  return weights;
}
