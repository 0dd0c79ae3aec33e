import type { ArticleStore } from '../store/article-store.js';

/**
 * Inverse document frequency of each term over the archive's chunks: rare terms weigh more
 * when judging whether a sentence answers a question. A term absent from the archive gets the
 * highest weight, because its absence is the strongest sign that the archive does not answer.
 */
export function inverseDocumentFrequencies(store: ArticleStore, terms: readonly string[]): Map<string, number> {
  const documents = Math.max(1, store.stats().chunks);
  const frequencies = store.documentFrequencies(terms);
  const weights = new Map<string, number>();
  for (const term of terms) {
    const frequency = frequencies.get(term) ?? 0;
    weights.set(term, Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5)));
  }
  return weights;
}
