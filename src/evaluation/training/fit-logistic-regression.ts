import type { LinearModel } from '../../answer/model/linear-model.js';
import { standardizeFeatures } from './standardize-features.js';
import { newtonStep } from './newton-step.js';

export interface FitLogisticRegressionOptions {
  /** Ridge penalty on the standardised weights, not the intercept (default 1): a weak prior that keeps rare features tame. */
  l2?: number;
  /** Most Newton steps (default 30); the fit stops earlier once no weight moves by more than 1e-9. */
  iterations?: number;
}

/**
 * Fits a logistic regression by Newton's method (iteratively reweighted least squares) with a ridge penalty, on
 * standardised features. Deterministic: the same rows give the same weights, which the training test relies on.
 * `newtonStep` (ml-matrix) solves each step's linear system; the rows are summed here in one pass.
 */
export function fitLogisticRegression(
  features: readonly string[],
  rows: readonly Float64Array[],
  labels: readonly boolean[],
  options: FitLogisticRegressionOptions = {},
): LinearModel {
  const dimensions = features.length;
  const l2 = options.l2 ?? 1;
  const { means, scales } = standardizeFeatures(dimensions, rows);

  const size = dimensions + 1;
  const weights = new Float64Array(size);
  const standardised = new Float64Array(size);
  for (let step = 0; step < (options.iterations ?? 30); step += 1) {
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(size * size);
    rows.forEach((row, rowIndex) => {
      standardised[0] = 1;
      for (let index = 0; index < dimensions; index += 1) standardised[index + 1] = (row[index]! - means[index]!) / scales[index]!;
      let logit = 0;
      for (let index = 0; index < size; index += 1) logit += weights[index]! * standardised[index]!;
      const probability = 1 / (1 + Math.exp(-logit));
      const residual = (labels[rowIndex] ? 1 : 0) - probability;
      const curvature = probability * (1 - probability);
      for (let i = 0; i < size; i += 1) {
        const xi = standardised[i]!;
        gradient[i]! += residual * xi;
        const weighted = curvature * xi;
        for (let j = i; j < size; j += 1) hessian[i * size + j]! += weighted * standardised[j]!;
      }
    });
    for (let i = 1; i < size; i += 1) {
      gradient[i]! -= l2 * weights[i]!;
      hessian[i * size + i]! += l2;
    }
    const change = newtonStep(hessian, gradient, size);
    let largest = 0;
    change.forEach((delta, index) => {
      weights[index]! += delta;
      largest = Math.max(largest, Math.abs(delta));
    });
    if (largest < 1e-9) break;
  }
  const round = (value: number): number => Number(value.toPrecision(6));
  return {
    features: [...features],
    means: means.map(round),
    scales: scales.map(round),
    weights: Array.from(weights.subarray(1), round),
    intercept: round(weights[0]!),
  };
}
