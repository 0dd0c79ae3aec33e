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
 * are `npm run bench:keyword-budget -- --chunks 1000000 --sizes 100000,300000,1000000` (bench/keyword-budget.json,
 * 2026-12-06, 600 CMRC questions the bench does not time, load average 7.9 at the start): the cheapest budgets within
 * 0.3 points of the best hit@1 were 1,000 / 150 at 100k chunks, 8,000 / 400 at 300k and 8,000 / 150 at 1M, and the
 * power laws through them are 0.052 × chunks^0.889 postings (1,450 at 100k, below the 2,000 floor; 3,850 at 300k, 11,200 at 1M: in the
 * bench corpus a term's chunks grow with the archive, so the ranked postings must too) and 208 candidates at every
 * size (the pools chosen, 150, 400 and 150, show no trend; a budget that would shrink is fitted as a constant). The
 * ranked postings' floor is the figure measured at 100,000 chunks before (2,000), so an archive up to about 140,000
 * chunks ranks the same terms as before, with more candidates rescored: same hit@1 and hit@5 at 100k, search p50
 * ×1.7 there; at 1M hit@1 0.613 → 0.751, hit@5 0.693 → 0.865, search p50 ×2.9 (docs/performance.md).
 */
export const KEYWORD_BUDGET_FIT: KeywordBudgetFit = {
  selected: { share: 0.1, least: 10_000 },
  ranked: { coefficient: 0.052, exponent: 0.889, least: 2_000 },
  pool: { coefficient: 208.008, exponent: 0, least: 50 },
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
