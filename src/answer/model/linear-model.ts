/**
 * A fitted logistic model over named features: each feature standardised by the training rows' mean and scale,
 * then weighted. Features the caller does not supply read 0; features the model does not name are ignored.
 */
export interface LinearModel {
  features: string[];
  means: number[];
  scales: number[];
  weights: number[];
  intercept: number;
}

/** The model's log-odds for one row of named features. */
export function logitOf(model: LinearModel, values: Readonly<Record<string, number>>): number {
  let logit = model.intercept;
  // A plain loop: this runs for every candidate answer of every question.
  const { features, weights, means, scales } = model;
  for (let index = 0; index < features.length; index += 1) {
    logit += (weights[index]! * ((values[features[index]!] ?? 0) - means[index]!)) / scales[index]!;
  }
  return logit;
}

/** Log-odds to probability. */
export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}
