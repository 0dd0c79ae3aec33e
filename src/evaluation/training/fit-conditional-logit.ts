import type { LinearModel } from '../../answer/model/linear-model.js';
import { standardizeFeatures } from './standardize-features.js';
import { newtonStep } from './newton-step.js';

/** The candidates of one question, and which of them hold the answer (at least one). */
export interface ChoiceGroup {
  rows: readonly Float64Array[];
  labels: readonly boolean[];
}

export interface FitConditionalLogitOptions {
  /** Ridge penalty on the standardised weights (default 1). */
  l2?: number;
  /** Most Newton steps (default 30); the fit stops once no weight moves by more than 1e-9. */
  iterations?: number;
}

/**
 * Fits a conditional logit (McFadden's choice model): within each question a softmax over its candidates, trained
 * so the candidates that hold the answer get the probability (each right candidate of a question weighted 1/G).
 * It learns what separates the right sentence from its neighbours in the same question, which a per-row logistic
 * regression blurs with what separates easy questions from hard ones. Newton's method on standardised features with
 * a ridge penalty; deterministic. The intercept is 0: a softmax does not see one.
 */
export function fitConditionalLogit(features: readonly string[], groups: readonly ChoiceGroup[], options: FitConditionalLogitOptions = {}): LinearModel {
  const dimensions = features.length;
  const l2 = options.l2 ?? 1;
  const { means, scales } = standardizeFeatures(
    dimensions,
    groups.flatMap((group) => group.rows),
  );
  const standardised = groups.map((group) => group.rows.map((row) => Float64Array.from(row, (value, index) => (value - means[index]!) / scales[index]!)));
  /** Penalised log-likelihood at `weights`, with its gradient and negated Hessian (upper triangle) when asked. */
  const evaluate = (weights: Float64Array, withDerivatives: boolean): { objective: number; gradient: Float64Array; hessian: Float64Array } => {
    const gradient = new Float64Array(dimensions);
    const hessian = new Float64Array(withDerivatives ? dimensions * dimensions : 0);
    const expected = new Float64Array(dimensions);
    let objective = 0;
    groups.forEach((group, groupIndex) => {
      const rows = standardised[groupIndex]!;
      const logits = rows.map((row) => {
        let logit = 0;
        for (let index = 0; index < dimensions; index += 1) logit += row[index]! * weights[index]!;
        return logit;
      });
      const largest = Math.max(...logits);
      const exponentials = logits.map((logit) => Math.exp(logit - largest));
      const logTotal = Math.log(exponentials.reduce((sum, value) => sum + value, 0)) + largest;
      const golds = group.labels.filter(Boolean).length;
      group.labels.forEach((label, rowIndex) => {
        if (label) objective += (logits[rowIndex]! - logTotal) / golds;
      });
      if (!withDerivatives) return;
      expected.fill(0);
      rows.forEach((row, rowIndex) => {
        const probability = Math.exp(logits[rowIndex]! - logTotal);
        const target = group.labels[rowIndex] ? 1 / golds : 0;
        for (let i = 0; i < dimensions; i += 1) {
          expected[i]! += probability * row[i]!;
          gradient[i]! += target * row[i]!;
          const weighted = probability * row[i]!;
          for (let j = i; j < dimensions; j += 1) hessian[i * dimensions + j]! += weighted * row[j]!;
        }
      });
      for (let i = 0; i < dimensions; i += 1) {
        gradient[i]! -= expected[i]!;
        for (let j = i; j < dimensions; j += 1) hessian[i * dimensions + j]! -= expected[i]! * expected[j]!;
      }
    });
    for (let i = 0; i < dimensions; i += 1) {
      objective -= (l2 * weights[i]! ** 2) / 2;
      if (!withDerivatives) continue;
      gradient[i]! -= l2 * weights[i]!;
      hessian[i * dimensions + i]! += l2;
    }
    return { objective, gradient, hessian };
  };

  let weights = new Float64Array(dimensions);
  let current = evaluate(weights, true);
  for (let step = 0; step < (options.iterations ?? 30); step += 1) {
    const change = newtonStep(current.hessian, current.gradient, dimensions);
    // Newton's step, halved until the likelihood rises: a full step can overshoot far from the optimum.
    let scale = 1;
    let next = weights;
    let nextObjective = Number.NEGATIVE_INFINITY;
    for (let halving = 0; halving < 20; halving += 1, scale /= 2) {
      next = Float64Array.from(weights, (weight, index) => weight + scale * change[index]!);
      nextObjective = evaluate(next, false).objective;
      if (nextObjective >= current.objective) break;
    }
    if (nextObjective < current.objective) break;
    const moved = Math.max(...change.map((delta) => Math.abs(scale * delta)));
    weights = next;
    if (moved < 1e-7) break;
    current = evaluate(weights, true);
  }
  const round = (value: number): number => Number(value.toPrecision(6));
  return { features: [...features], means: means.map(round), scales: scales.map(round), weights: Array.from(weights, round), intercept: 0 };
}
