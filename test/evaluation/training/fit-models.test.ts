// The fits behind the answer model, on synthetic rows whose true weights are known.
import { describe, expect, it } from 'vitest';
import { fitLogisticRegression } from '../../../src/evaluation/training/fit-logistic-regression.js';
import { fitConditionalLogit } from '../../../src/evaluation/training/fit-conditional-logit.js';
import { logitOf } from '../../../src/answer/model/linear-model.js';
import { seededRandom as random } from '../../helpers/seeded-random.js';

describe('fitLogisticRegression', () => {
  it('recovers the weights that generated the labels, in the units of the raw features', () => {
    const next = random(7);
    const rows: Float64Array[] = [];
    const labels: boolean[] = [];
    for (let index = 0; index < 20_000; index += 1) {
      const row = Float64Array.from([next() * 2, next() * 10, next()]);
      const logit = -1 + 2 * row[0]! - 0.3 * row[1]! + 0 * row[2]!;
      rows.push(row);
      labels.push(next() < 1 / (1 + Math.exp(-logit)));
    }
    const model = fitLogisticRegression(['a', 'b', 'noise'], rows, labels, { l2: 0.01 });
    // Raw-unit weight = standardised weight / scale.
    const raw = model.weights.map((weight, index) => weight / model.scales[index]!);
    expect(raw[0]).toBeCloseTo(2, 0);
    expect(raw[1]).toBeCloseTo(-0.3, 1);
    expect(Math.abs(raw[2]!)).toBeLessThan(0.2);
    expect(logitOf(model, { a: 1, b: 5, noise: 0.5 })).toBeCloseTo(-1 + 2 - 1.5, 0);
  });

  it('gives the same weights for the same rows', () => {
    const rows = [Float64Array.from([0]), Float64Array.from([1]), Float64Array.from([2]), Float64Array.from([3])];
    const labels = [false, true, false, true];
    expect(fitLogisticRegression(['x'], rows, labels)).toEqual(fitLogisticRegression(['x'], rows, labels));
  });
});

describe('fitConditionalLogit', () => {
  it('learns what marks the right candidate within each question, not what differs between questions', () => {
    const next = random(11);
    const groups = [];
    for (let question = 0; question < 400; question += 1) {
      // `level` is the same for every candidate of a question: a softmax cannot learn from it.
      const level = next() * 5;
      const right = Math.floor(next() * 6);
      const rows = Array.from({ length: 6 }, (_, index) => Float64Array.from([index === right ? 1 : next() * 0.8, level, next()]));
      groups.push({ rows, labels: rows.map((_, index) => index === right) });
    }
    const model = fitConditionalLogit(['marker', 'level', 'noise'], groups);
    expect(model.weights[0]).toBeGreaterThan(2);
    expect(Math.abs(model.weights[1]!)).toBeLessThan(0.05);
    expect(Math.abs(model.weights[2]!)).toBeLessThan(0.5);
    const picked = groups.filter((group) => {
      const logits = group.rows.map((row) => logitOf(model, { marker: row[0]!, level: row[1]!, noise: row[2]! }));
      return group.labels[logits.indexOf(Math.max(...logits))];
    });
    expect(picked.length / groups.length).toBeGreaterThan(0.95);
  });
});
