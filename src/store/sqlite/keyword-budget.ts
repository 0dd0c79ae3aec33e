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
 * are `npm run bench:keyword-budget -- --reuse DIR --sizes 100000,300000,1000000 --ranked 1000,2000,4000,8000,16000,32000
 * --pools 50,150,400` on the kept bench archives (bench/keyword-budget-interleaved.json, 2026-12-07, 600 CMRC questions
 * the bench does not time, every budget asked each question in turns, with the postings ranker): at each size the
 * cheapest budget by median search time within one point of the best hit@1 (six of the 600 questions: two budgets
 * compared question by question differ by less than that from noise). Chosen: 1,000 / 50 at 100k chunks, 4,000 / 50
 * at 300k, 8,000 / 150 at 1M: the ranked postings 0.037 × chunks^0.898 (the fit of 2026-12-06 again: about 1,140 at
 * 100k, below the 2,000 floor; 3,070 at 300k, 9,040 at 1M: in the bench corpus a term's chunks grow with the archive,
 * so the ranked postings must too), the pool 0.158 × chunks^0.484 (50, its floor, up to about 145,000 chunks; 71 at
 * 300k, 127 at 1M: at 1M 8,000 / 50 fell 1.5 points under the best). The floors are the figures measured at 100,000
 * chunks before (2,000 / 50), so an archive up to about 145,000 chunks searches exactly as before (docs/performance.md).
 */
export const KEYWORD_BUDGET_FIT: KeywordBudgetFit = {
  selected: { share: 0.1, least: 10_000 },
  ranked: { coefficient: 0.037, exponent: 0.898, least: 2_000 },
  pool: { coefficient: 0.158, exponent: 0.484, least: 50 },
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
