import type { QueryTerm } from './fts-query.js';

export interface SelectQueryTermsOptions {
  /** Chunks containing a term (fts5vocab); only asked for plain single-token terms. */
  documentFrequency: (term: string) => number;
  totalDocuments: number;
  /** Most terms kept, rarest first. Default `SELECT_QUERY_TERMS_DEFAULTS.maxTerms`. */
  maxTerms?: number;
  /** Terms in more than this share of chunks are dropped. Default `SELECT_QUERY_TERMS_DEFAULTS.maxDocumentShare`. */
  maxDocumentShare?: number;
}

export const SELECT_QUERY_TERMS_DEFAULTS = {
  /** 24 terms: a long question's bigrams and words; more only adds common ones. */
  maxTerms: 24,
  /**
   * 0.2: FTS5's BM25 idf is log((N - n + 0.5) / (n + 0.5)), below 1.4 past a 20% share,
   * while scoring such a term costs a pass over a fifth of all chunks.
   */
  maxDocumentShare: 0.2,
} as const;

/** Normalized terms unicode61 keeps as one token, so fts5vocab knows their frequency. */
export const SINGLE_TOKEN = /^(?:\p{Script=Han}+|[a-z0-9]+)$/u;

/**
 * Keeps the query terms worth matching: terms no chunk contains are dropped (they cost a
 * lookup and match nothing), as are very common ones (they cost the most and weigh least),
 * then the rarest `maxTerms` remain. When every term is common, the rarest few are kept so a
 * question made only of common words still finds something.
 */
export function selectQueryTerms(terms: readonly QueryTerm[], options: SelectQueryTermsOptions): QueryTerm[] {
  const maxTerms = options.maxTerms ?? SELECT_QUERY_TERMS_DEFAULTS.maxTerms;
  const maxShare = options.maxDocumentShare ?? SELECT_QUERY_TERMS_DEFAULTS.maxDocumentShare;
  const limit = Math.max(1, options.totalDocuments * maxShare);
  const rated = terms
    // Multi-token terms (covid-19, 4.8%) are phrases to FTS5: keep them, rated as rare.
    .map((term) => ({ term, frequency: SINGLE_TOKEN.test(term.text) ? options.documentFrequency(term.text) : 0 }))
    .filter((entry) => entry.frequency > 0 || !SINGLE_TOKEN.test(entry.term.text))
    .sort((left, right) => left.frequency - right.frequency);
  const selective = rated.filter((entry) => entry.frequency <= limit);
  const kept = selective.length > 0 ? selective : rated.slice(0, 3);
  return kept.slice(0, maxTerms).map((entry) => entry.term);
}
