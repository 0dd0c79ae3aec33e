import type { KeywordHit } from '../article-store.js';
import { TopScores } from './top-scores.js';
import { B, inverseDocumentFrequency, K1 } from './bm25-formula.js';

/** One query term's postings in one column: the chunks holding it, each id once per occurrence, ascending. */
export interface TermOccurrences {
  occurrences: ArrayLike<number>;
  /** The column's BM25 weight (what `bm25(chunks_fts, …)` is given for it). */
  weight: number;
}

/** What BM25 knows of the whole index: its rows and their tokens, and one chunk's tokens (every column). */
export interface Bm25Collection {
  rows: number;
  tokens: number;
  length: (chunkId: number) => number;
  /**
   * The natural logarithm for the IDF. Default `Math.log`; SQLite's ln() is the C library's log(), the one bm25() calls,
   * so with it the scores are bit for bit FTS5's (V8's Math.log differs from it in the last bit for about 2% of values).
   */
  logarithm?: (value: number) => number;
}

/**
 * The `limit` best chunks by BM25 over the terms, scored exactly as FTS5's bm25() scores the OR of the terms in this
 * order (the same IDF from the number of chunks holding each term, the same lengths and average, the terms' shares
 * added in the same order), best first, ties by id: the hits of `ORDER BY bm25(…) LIMIT` without its cost per
 * posting. The lists are merged in id order, so each chunk is scored once, with no table of partial sums. Scores are
 * positive (bm25() returns them negated).
 */
export function rankBm25(terms: readonly TermOccurrences[], collection: Bm25Collection, limit: number): KeywordHit[] {
  if (limit <= 0 || collection.rows <= 0 || terms.length === 0) return [];
  const averageLength = collection.tokens / collection.rows;
  const logarithm = collection.logarithm ?? Math.log;
  const lists = terms.map((term) => term.occurrences);
  const weights = terms.map((term) => term.weight);
  const inverseFrequencies = lists.map((list) => inverseDocumentFrequency(distinctCount(list), collection.rows, logarithm));
  const positions = lists.map(() => 0);
  const top = new TopScores(limit);
  for (;;) {
    let chunkId = Number.POSITIVE_INFINITY;
    for (let index = 0; index < lists.length; index += 1) {
      const list = lists[index]!;
      const position = positions[index]!;
      if (position < list.length && list[position]! < chunkId) chunkId = list[position]!;
    }
    if (chunkId === Number.POSITIVE_INFINITY) break;
    const norm = K1 * (1 - B + (B * collection.length(chunkId)) / averageLength);
    let score = 0;
    for (let index = 0; index < lists.length; index += 1) {
      const list = lists[index]!;
      const start = positions[index]!;
      let position = start;
      while (position < list.length && list[position] === chunkId) position += 1;
      if (position === start) continue;
      positions[index] = position;
      const frequency = (position - start) * weights[index]!;
      score += inverseFrequencies[index]! * ((frequency * (K1 + 1)) / (frequency + norm));
    }
    top.offer(chunkId, score);
  }
  return top.best();
}

/** Distinct ids in an ascending list with repeats. */
function distinctCount(occurrences: ArrayLike<number>): number {
  let count = 0;
  for (let index = 0; index < occurrences.length; index += 1) if (index === 0 || occurrences[index] !== occurrences[index - 1]) count += 1;
  return count;
}
