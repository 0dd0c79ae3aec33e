import type { KeywordHit } from '../article-store.js';
import { B, inverseDocumentFrequency, K1 } from './bm25-formula.js';

/** A query term left out of the FTS5 query, with the number of chunks holding it. */
export interface CommonTerm {
  text: string;
  frequency: number;
}

/** The chunks' lengths as FTS5 counts them (tokens in every column) and the index's average: bm25()'s own norm. */
export interface ChunkTokenLengths {
  length: (chunkId: number) => number;
  average: number;
}

const LATIN_OR_DIGIT = /[a-z0-9]/;

/**
 * Adds the BM25 share of common terms to hits ranked by the rare ones, and re-sorts them. FTS5 pays for every
 * chunk that holds any term, so a common term (学校 in 100,000 chunks of news) costs more than the rare ones
 * together while it weighs little: it is counted here, in the texts of the best few hundred candidates only.
 * The term frequency is the number of times the term occurs in the normalized text (a Latin word or number on word
 * boundaries); the length is the chunk's tokens against the index's average when `tokenLengths` is given (bm25()'s
 * own norm), otherwise its characters against the candidates' mean.
 */
export function addCommonTerms(
  hits: readonly KeywordHit[],
  texts: ReadonlyMap<number, string>,
  terms: readonly CommonTerm[],
  chunkCount: number,
  tokenLengths?: ChunkTokenLengths,
): KeywordHit[] {
  if (terms.length === 0 || hits.length === 0) return [...hits];
  const lengths = hits.map((hit) => (tokenLengths ? tokenLengths.length(hit.id) : (texts.get(hit.id)?.length ?? 0)));
  const meanLength = tokenLengths ? tokenLengths.average : Math.max(1, lengths.reduce((sum, length) => sum + length, 0) / hits.length);
  const weights = terms.map((term) => inverseDocumentFrequency(term.frequency, chunkCount));
  const rescored = hits.map((hit, position) => {
    const text = texts.get(hit.id) ?? '';
    const norm = 1 - B + (B * lengths[position]!) / meanLength;
    let score = hit.score;
    terms.forEach((term, index) => {
      const frequency = occurrences(text, term.text);
      if (frequency > 0) score += (weights[index]! * frequency * (K1 + 1)) / (frequency + K1 * norm);
    });
    return { id: hit.id, score };
  });
  return rescored.sort((left, right) => right.score - left.score || left.id - right.id);
}

/** Occurrences of `term` in `text`; a Latin word or number only where it is not part of a longer one. */
function occurrences(text: string, term: string): number {
  const bounded = LATIN_OR_DIGIT.test(term);
  let count = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
    if (bounded && (LATIN_OR_DIGIT.test(text[at - 1] ?? '') || LATIN_OR_DIGIT.test(text[at + term.length] ?? ''))) continue;
    count += 1;
  }
  return count;
}
