import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseBudgets, fitPowerLaw, type BudgetTrial } from '../../../bench/keyword-budget/choose-budget.js';
import { KEYWORD_BUDGET_FIT } from '../../../src/store/sqlite/keyword-budget.js';

const report = JSON.parse(fs.readFileSync(new URL('../../../bench/keyword-budget.json', import.meta.url), 'utf8')) as {
  settings: { tolerance: number };
  trials: BudgetTrial[];
};

describe('the keyword budget in use', () => {
  it('is the one the committed trials fit (bench/keyword-budget.json, re-chosen and re-fitted here)', () => {
    const chosen = chooseBudgets(report.trials, report.settings.tolerance);
    const ranked = fitPowerLaw(chosen.map((trial) => ({ size: trial.chunks, value: trial.rankedPostings })));
    const pool = fitPowerLaw(chosen.map((trial) => ({ size: trial.chunks, value: trial.rescorePool })));
    expect({ coefficient: KEYWORD_BUDGET_FIT.ranked.coefficient, exponent: KEYWORD_BUDGET_FIT.ranked.exponent }).toEqual(ranked);
    expect({ coefficient: KEYWORD_BUDGET_FIT.pool.coefficient, exponent: KEYWORD_BUDGET_FIT.pool.exponent }).toEqual(pool);
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
