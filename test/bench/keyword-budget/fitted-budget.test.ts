import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseBudgets, fitPowerLaw, type BudgetTrial } from '../../../bench/keyword-budget/choose-budget.js';
import { KEYWORD_BUDGET_FIT } from '../../../src/store/sqlite/keyword-budget.js';

const report = JSON.parse(fs.readFileSync(new URL('../../../bench/keyword-budget-interleaved.json', import.meta.url), 'utf8')) as {
  settings: { tolerance: number };
  trials: BudgetTrial[];
};

describe('the keyword budget in use', () => {
  it('is the one the committed trials fit (bench/keyword-budget-interleaved.json, re-chosen and re-fitted here)', () => {
    const chosen = chooseBudgets(report.trials, report.settings.tolerance);
    const ranked = fitPowerLaw(chosen.map((trial) => ({ size: trial.chunks, value: trial.rankedPostings })));
    const pool = fitPowerLaw(chosen.map((trial) => ({ size: trial.chunks, value: trial.rescorePool })));
    expect({ coefficient: KEYWORD_BUDGET_FIT.ranked.coefficient, exponent: KEYWORD_BUDGET_FIT.ranked.exponent }).toEqual(ranked);
    expect({ coefficient: KEYWORD_BUDGET_FIT.pool.coefficient, exponent: KEYWORD_BUDGET_FIT.pool.exponent }).toEqual(pool);
  });
});

describe('chooseBudgets', () => {
  const trial = (rankedPostings: number, rescorePool: number, hitAt1: number, p50Ms?: number): BudgetTrial => ({
    chunks: 1_000,
    rankedPostings,
    rescorePool,
    hitAt1,
    hitAt5: hitAt1,
    meanMs: 1,
    ...(p50Ms === undefined ? {} : { p50Ms }),
  });

  it('keeps the fastest trial within the tolerance of the best hit@1 when the trials were timed in turns', () => {
    const trials = [trial(1_000, 50, 0.6, 1), trial(1_000, 150, 0.7, 3), trial(4_000, 50, 0.705, 2), trial(8_000, 150, 0.71, 4)];
    expect(chooseBudgets(trials, 0.01)[0]).toMatchObject({ rankedPostings: 4_000, rescorePool: 50 });
  });

  it('keeps the fewest ranked postings, then the smallest pool, in a report without median times', () => {
    const trials = [trial(1_000, 50, 0.6), trial(4_000, 50, 0.705), trial(1_000, 150, 0.7), trial(8_000, 150, 0.71)];
    expect(chooseBudgets(trials, 0.01)[0]).toMatchObject({ rankedPostings: 1_000, rescorePool: 150 });
  });
});

describe('fitPowerLaw', () => {
  it('fits a growing budget as a power law and a falling one as a constant (a budget never shrinks with the archive)', () => {
    expect(
      fitPowerLaw([
        { size: 100, value: 10 },
        { size: 10_000, value: 100 },
      ]),
    ).toEqual({ coefficient: 1, exponent: 0.5 });
    expect(
      fitPowerLaw([
        { size: 100, value: 400 },
        { size: 10_000, value: 100 },
      ]),
    ).toEqual({ coefficient: 200, exponent: 0 });
  });
});
