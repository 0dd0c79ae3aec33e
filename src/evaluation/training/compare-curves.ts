import type { SetSummary } from './summarize-decisions.js';

/** A cross-validated curve as `npm run train:answers -- --report` writes it: each set's figures at each threshold. */
export type AnswerCurve = readonly { threshold: number; sets: readonly SetSummary[] }[];

/** One set of two curves compared where the first answers with a threshold in `range`. */
export interface CurveComparison {
  set: string;
  /**
   * At each of the first curve's points in range: its wrong share (`wrongShare`), and the second's containsGold minus
   * the first's there (points).
   */
  points: { wrong: number; difference: number }[];
  /** The mean of the differences (points). */
  meanDifference: number;
}

/**
 * The share of a set's unanswerable questions answered wrong: those whose passage was left out and those whose fact
 * was (`leftOutFacts`) together, each question once. A report written before facts were left out has the first only.
 */
export function wrongShare(summary: SetSummary): number {
  const { heldOut, factLeftOut } = summary;
  const facts = factLeftOut?.questions ?? 0;
  if (facts === 0) return heldOut.wrong;
  return (heldOut.wrong * heldOut.questions + factLeftOut!.wrong * facts) / (heldOut.questions + facts);
}

/**
 * containsGold of a curve at a share of wrong answers to unanswerable questions (`wrongShare`), read linearly between
 * the two thresholds whose wrong shares enclose it; null outside the curve.
 */
export function containsGoldAtWrong(curve: AnswerCurve, set: string, wrong: number): number | null {
  const points = curve.flatMap(({ sets }) => sets.filter((summary) => summary.set === set)).map((summary) => [wrongShare(summary), summary.containsGold] as const);
  for (let index = 1; index < points.length; index += 1) {
    const [wrongBefore, goldBefore] = points[index - 1]!;
    const [wrongAfter, goldAfter] = points[index]!;
    if ((wrongBefore - wrong) * (wrongAfter - wrong) > 0) continue;
    if (wrongBefore === wrongAfter) return Math.max(goldBefore, goldAfter);
    return goldBefore + ((goldAfter - goldBefore) * (wrong - wrongBefore)) / (wrongAfter - wrongBefore);
  }
  return null;
}

/**
 * Two fits compared at equal wrong answers, set by set: at each threshold of the first curve within `range` (the
 * thresholds a newsroom would run at), the second curve's containsGold at the first's wrong share, minus the first's.
 * A fit that answers more and is wrong more moves along its curve; this reads whether the curve itself moved.
 */
export function compareCurves(before: AnswerCurve, after: AnswerCurve, range: readonly [number, number] = [0.5, 0.8]): CurveComparison[] {
  const sets = [...new Set(before.flatMap(({ sets }) => sets.map((summary) => summary.set)))];
  return sets.map((set) => {
    const points = before
      .filter(({ threshold }) => threshold >= range[0] && threshold <= range[1])
      .flatMap(({ sets }) => sets.filter((summary) => summary.set === set))
      .flatMap((summary) => {
        const wrong = wrongShare(summary);
        const gold = containsGoldAtWrong(after, set, wrong);
        return gold === null ? [] : [{ wrong, difference: (gold - summary.containsGold) * 100 }];
      });
    const meanDifference = points.length === 0 ? 0 : points.reduce((sum, point) => sum + point.difference, 0) / points.length;
    return { set, points, meanDifference };
  });
}
