import type { LinearModel } from './linear-model.js';
import fitted from './answer-model.json' with { type: 'json' };

/**
 * The answer step's fitted decisions: `choice` scores each candidate answer (a sentence, or a sentence run on
 * into the next) by how likely it holds the answer; `answerable` scores the chosen one by how likely it is right,
 * with the gold passage in the archive or left out. Written by `npm run train:answers`; never edited by hand.
 */
export interface AnswerModel {
  /** What the weights were fitted on (sets, questions, folds) and by which command. */
  fittedOn: string;
  choice: LinearModel;
  answerable: LinearModel;
  /** How likely, relative to the best, another sentence must be to be quoted after it (see `composeAnswer`). */
  runnerUpRatio: number;
  /** The probability of a right answer below which the answer step says "not found", chosen by the training script. */
  minConfidence: number;
}

/** The committed model (src/answer/model/answer-model.json). */
export const ANSWER_MODEL: AnswerModel = fitted as AnswerModel;

/**
 * Weight of the cross-encoder's centred probability (the `rerank` feature) in the choice model's log-odds. Untrained:
 * the tuning runs have no reranker (no model can be downloaded where they run), so this is a stated prior, not a fit:
 * a sentence of a passage the reranker is sure of (+0.5) gains 1.5 log-odds over one of a passage it is unsure of (0),
 * as much as the strongest fitted features move a candidate. Re-fit with a reranker to replace it.
 */
export const UNTRAINED_RERANK_WEIGHT = 3;
