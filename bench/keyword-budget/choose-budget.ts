/** hit@1 and cost of one keyword budget at one archive size. */
export interface BudgetTrial {
  chunks: number;
  rankedPostings: number;
  rescorePool: number;
  hitAt1: number;
  hitAt5: number;
  meanMs: number;
  /** Median milliseconds of a search (trials measured question by question in turns; absent in older reports). */
  p50Ms?: number;
}

/** A power law `coefficient × chunks ^ exponent`, fitted in log-log space. */
export interface PowerLaw {
  coefficient: number;
  exponent: number;
}

/**
 * At each size, the cheapest trial whose hit@1 is within `tolerance` of the best any trial reaches at that size: more
 * budget than that buys nothing measurable. Cheapest is the lowest median search time where every trial at the size
 * was timed question by question in turns (`p50Ms`), since a ranked posting and a rescored candidate cost in no fixed
 * proportion (the postings ranker made the first about three times cheaper, the second did not change); in an older
 * report without it, the fewest ranked postings, then the smallest pool.
 */
export function chooseBudgets(trials: readonly BudgetTrial[], tolerance: number): BudgetTrial[] {
  const sizes = [...new Set(trials.map((trial) => trial.chunks))].sort((left, right) => left - right);
  return sizes.map((chunks) => {
    const atSize = trials.filter((trial) => trial.chunks === chunks);
    const best = Math.max(...atSize.map((trial) => trial.hitAt1));
    const timed = atSize.every((trial) => trial.p50Ms !== undefined);
    const byPostings = (left: BudgetTrial, right: BudgetTrial): number => left.rankedPostings - right.rankedPostings || left.rescorePool - right.rescorePool;
    const enough = atSize.filter((trial) => trial.hitAt1 >= best - tolerance).sort((left, right) => (timed ? left.p50Ms! - right.p50Ms! : 0) || byPostings(left, right));
    return enough[0]!;
  });
}

/**
 * Least squares of log(value) on log(size); a single point gives a constant. A budget must not shrink as the archive
 * grows, so a falling slope (noise between sizes) is fitted as a constant: the geometric mean.
 */
export function fitPowerLaw(points: readonly { size: number; value: number }[]): PowerLaw {
  if (points.length === 0) throw new Error('no points to fit');
  const xs = points.map((point) => Math.log(point.size));
  const ys = points.map((point) => Math.log(point.value));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  const spread = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const slope = spread === 0 ? 0 : xs.reduce((sum, x, index) => sum + (x - meanX) * (ys[index]! - meanY), 0) / spread;
  const exponent = Math.max(0, slope);
  const coefficient = Math.exp(meanY - exponent * meanX);
  return { coefficient: Math.round(coefficient * 1000) / 1000, exponent: Math.round(exponent * 1000) / 1000 };
}
