/** How much of the full-text index one keyword search may read, for an archive of a given size. */
export interface KeywordBudget {
  /** Bound on the summed document frequency of the terms a search uses at all (`selectQueryTerms`). */
  maxPostings: number;
  /** Summed document frequency of the rarest terms FTS5 ranks itself; the commoner rest is counted in the candidates (`splitRankedTerms`). */
  rankedPostings: number;
  /** Candidates FTS5 hands on to be rescored with the common terms (`addCommonTerms`). */
  rescorePool: number;
}

/** The constants of `keywordBudget`: each figure grows as a power of the archive's size, `coefficient × chunks ^ exponent`. */
export interface KeywordBudgetFit {
  /** Share of the archive's chunks the selected terms' postings may sum to, and the least they may. */
  selected: { share: number; least: number };
  ranked: { coefficient: number; exponent: number; least: number };
  pool: { coefficient: number; exponent: number; least: number };
}

/**
 * The selection is what was measured before on CMRC 2018 (10,000 postings; 10% of the chunks cost 0.3 points of hit@1
 * against every term): unchanged up to 100,000 chunks, a share of the archive beyond. The ranked postings and the pool
 * are the figures measured at 100,000 bench chunks before (2,000 and 50; docs/performance.md), kept flat for now.
 * `npm run bench:keyword-budget` (bench/keyword-budget.json: 600 CMRC questions the bench does not time, 2026-12-06,
 * load average 24-28) chose 500 / 50 at 10k and 30k chunks and 1,000 / 150 at 100k (500 / 50 lost 2.8 points there;
 * 1,000 to 16,000 postings were within 0.7 points of each other), a law of 26.6 × chunks^0.31 postings and
 * 0.48 × chunks^0.49 candidates: about 1,800 and 390 at a million chunks. Not adopted before a fit that includes 300k
 * and 1M chunks checks it: the choices at 100k differ by a few questions in 600.
 */
export const KEYWORD_BUDGET_FIT: KeywordBudgetFit = {
  selected: { share: 0.1, least: 10_000 },
  ranked: { coefficient: 2_000, exponent: 0, least: 2_000 },
  pool: { coefficient: 50, exponent: 0, least: 50 },
};

/**
 * The budget for an archive of `chunks` chunks. A fixed count of postings keeps fewer and fewer of a question's terms
 * as the archive grows (its "rare" words are in thousands of chunks), so the budget follows the archive's size.
 */
export function keywordBudget(chunks: number, fit: KeywordBudgetFit = KEYWORD_BUDGET_FIT): KeywordBudget {
  const size = Math.max(1, chunks);
  const grown = (curve: KeywordBudgetFit['ranked']): number => Math.max(curve.least, Math.round(curve.coefficient * size ** curve.exponent));
  return {
    maxPostings: Math.max(1, fit.selected.least, Math.round(fit.selected.share * size)),
    rankedPostings: grown(fit.ranked),
    rescorePool: grown(fit.pool),
  };
}
