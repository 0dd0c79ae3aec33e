import type { QueryTerm } from './fts-query.js';

export interface SelectQueryTermsOptions {
  /** Chunks containing a term (`term_frequencies`); only asked for single-token terms. */
  documentFrequency: (term: string) => number;
  /** Most terms kept, rarest first. Default `SELECT_QUERY_TERMS_DEFAULTS.maxTerms`. */
  maxTerms?: number;
  /** Bound on the summed document frequency of the kept terms. Default `SELECT_QUERY_TERMS_DEFAULTS.maxPostings`. */
  maxPostings?: number;
}

export const SELECT_QUERY_TERMS_DEFAULTS = {
  /** 24: a long question's words and bigrams; more only adds common ones. */
  maxTerms: 24,
  /**
   * 10,000, for callers that do not pass one (the store passes `keywordBudget`'s, 10% of the archive's chunks): FTS5 scores every chunk matching any term, about 0.5 µs per posting, so this keeps
   * a search near 5 ms however large the archive. Terms are taken rarest first, and the common
   * ones left out weigh least in BM25: on CMRC 2018 a budget of 10% of the chunks costs 0.3
   * points of hit@1.
   */
  maxPostings: 10_000,
} as const;

/** Normalized terms unicode61 keeps as one token, so `term_frequencies` knows their frequency. */
export const SINGLE_TOKEN = /^(?:\p{Script=Han}+|[a-z0-9]+)$/u;

/**
 * Keeps the query terms worth matching, rarest first: terms no chunk contains are dropped
 * (they cost a lookup and match nothing), then terms are added while their summed document
 * frequency fits `maxPostings`. The rarest term is always kept, so a question made only of
 * common words still finds something.
 */
export function selectQueryTerms(terms: readonly QueryTerm[], options: SelectQueryTermsOptions): QueryTerm[] {
  const maxTerms = options.maxTerms ?? SELECT_QUERY_TERMS_DEFAULTS.maxTerms;
  const maxPostings = options.maxPostings ?? SELECT_QUERY_TERMS_DEFAULTS.maxPostings;
  const rated = terms
    // Multi-token terms (covid-19, 4.8%) are phrases to FTS5, not one term of the index: keep them, rated as rare.
    .map((term) => ({ term, frequency: SINGLE_TOKEN.test(term.text) ? options.documentFrequency(term.text) : 0, single: SINGLE_TOKEN.test(term.text) }))
    .filter((entry) => entry.frequency > 0 || !entry.single)
    .sort((left, right) => left.frequency - right.frequency);
  const kept: QueryTerm[] = [];
  let postings = 0;
  for (const entry of rated) {
    if (kept.length >= maxTerms) break;
    if (kept.length > 0 && postings + entry.frequency > maxPostings) break;
    kept.push(entry.term);
    postings += entry.frequency;
  }
  return kept;
}

/**
 * Splits the selected terms (rarest first) into those the FTS5 query ranks, the rarest up to `rankedPostings`
 * summed document frequency (at least one), and the common rest, scored in the candidates' texts.
 */
export function splitRankedTerms(
  terms: readonly QueryTerm[],
  documentFrequency: (term: string) => number,
  rankedPostings: number,
): { ranked: QueryTerm[]; common: { term: QueryTerm; frequency: number }[] } {
  const ranked: QueryTerm[] = [];
  const common: { term: QueryTerm; frequency: number }[] = [];
  let postings = 0;
  for (const term of terms) {
    const frequency = SINGLE_TOKEN.test(term.text) ? documentFrequency(term.text) : 0;
    if (common.length === 0 && (ranked.length === 0 || postings + frequency <= rankedPostings)) {
      ranked.push(term);
      postings += frequency;
    } else {
      common.push({ term, frequency });
    }
  }
  return { ranked, common };
}
