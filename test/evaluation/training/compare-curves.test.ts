// Two fits compared at equal wrong answers: a fit that only moves along its curve compares level; one whose curve
// rises compares higher.
import { describe, expect, it } from 'vitest';
import { compareCurves, containsGoldAtWrong, wrongShare, type AnswerCurve } from '../../../src/evaluation/training/compare-curves.js';

/** A curve of one set from (threshold, wrong held-out share, containsGold) points. */
const curve = (points: readonly [number, number, number][]): AnswerCurve =>
  points.map(([threshold, wrong, containsGold]) => ({
    threshold,
    sets: [
      {
        set: 'town',
        questions: 100,
        containsGold,
        answered: containsGold,
        meanChars: 90,
        heldOut: { questions: 10, answered: wrong, wrong },
        factLeftOut: { questions: 0, answered: 0, wrong: 0 },
      },
    ],
  }));

const before = curve([
  [0, 0.9, 0.95],
  [0.5, 0.2, 0.9],
  [0.6, 0.1, 0.85],
  [0.8, 0.05, 0.8],
]);

describe('compareCurves', () => {
  it('reads containsGold between two thresholds in proportion to the wrong share', () => {
    expect(containsGoldAtWrong(before, 'town', 0.15)).toBeCloseTo(0.875, 9);
    expect(containsGoldAtWrong(before, 'town', 0.01)).toBeNull();
    expect(containsGoldAtWrong(before, 'village', 0.15)).toBeNull();
  });

  it('compares a fit that moves along the same curve as level, and a higher curve as higher', () => {
    // The same curve reached at other thresholds, as a stricter model would: each of its points lies on the first's.
    const along = curve([
      [0, 0.9, 0.95],
      [0.3, 0.2, 0.9],
      [0.5, 0.15, 0.875],
      [0.55, 0.1, 0.85],
      [0.6, 0.075, 0.825],
      [0.7, 0.05, 0.8],
    ]);
    const higher = curve(before.map(({ threshold, sets }) => [threshold, sets[0]!.heldOut.wrong, sets[0]!.containsGold + 0.01]));
    const [level] = compareCurves(before, along);
    expect(level!.points.map((point) => point.wrong)).toEqual([0.2, 0.1, 0.05]);
    for (const point of level!.points) expect(point.difference).toBeCloseTo(0, 9);
    expect(compareCurves(before, higher)[0]!.meanDifference).toBeCloseTo(1, 9);
  });

  it('counts a wrong answer to a question whose fact was left out as one whose passage was', () => {
    const summary = { set: 'town', questions: 100, containsGold: 0.9, answered: 0.95, meanChars: 90, heldOut: { questions: 30, answered: 0.1, wrong: 0.1 } };
    expect(wrongShare({ ...summary, factLeftOut: { questions: 10, answered: 0.5, wrong: 0.5 } })).toBeCloseTo(0.2, 9);
    // A report written before facts were left out: its passage figure alone.
    expect(wrongShare(summary)).toBe(0.1);
    expect(wrongShare({ ...summary, factLeftOut: { questions: 0, answered: 0, wrong: 0 } })).toBe(0.1);
  });
});
