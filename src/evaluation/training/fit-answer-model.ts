import type { LinearModel } from '../../answer/model/linear-model.js';
import { logitOf } from '../../answer/model/linear-model.js';
import { answerabilityFeatures, type RankedCandidate } from '../../answer/choice/answerability-features.js';
import type { CandidateRow, QuestionRow } from './collect-answer-rows.js';
import { fitLogisticRegression } from './fit-logistic-regression.js';
import { fitConditionalLogit, type ChoiceGroup } from './fit-conditional-logit.js';
import { ANSWERABLE_FEATURES, CHOICE_FEATURES } from './feature-names.js';
import { composeAnswer } from '../../answer/choice/compose-answer.js';

export interface FittedModels {
  choice: LinearModel;
  answerable: LinearModel;
  /** See `composeAnswer`. */
  runnerUpRatio: number;
}

/** Longest answer in characters (the answer step's `maxAnswerChars`). */
const MAX_ANSWER_CHARS = 200;
/**
 * Mean answer length the runner-up ratio may not push a set's answers over: short answers read better in a chat,
 * and the issue that set it (#21) asked for at most 110 characters.
 */
export const MEAN_CHARS_BUDGET = 110;
/** Ratios tried, from quoting only the best sentence (1) to quoting a runner-up whenever one fits (0). */
const RUNNER_UP_RATIOS = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0];

/** One question's outcome under fitted models: the chosen candidate, whether it holds the gold, how sure the model is. */
export interface Decision {
  set: string;
  heldOut: boolean;
  factLeftOut: boolean;
  /** Probability that the chosen answer is right (0 when there is no candidate). */
  confidence: number;
  gold: boolean;
  chars: number;
}

/**
 * Fits the choice model on the candidates of the questions whose gold is among them (the others teach nothing
 * about which candidate to pick), then the answerability model on every question: the candidate the choice model
 * ranks first, labelled by whether it holds the gold, with the gold passage in the archive or left out.
 */
export function fitAnswerModels(rows: readonly QuestionRow[]): FittedModels {
  const groups: ChoiceGroup[] = rows
    .filter((row) => row.candidates.some((candidate) => candidate.gold))
    .map((row) => ({ rows: row.candidates.map((candidate) => candidate.values), labels: row.candidates.map((candidate) => candidate.gold) }));
  const choice = fitConditionalLogit(CHOICE_FEATURES, groups);
  const runnerUpRatio = chooseRunnerUpRatio(rows, choice);
  const answerableRows: Float64Array[] = [];
  const answerableLabels: boolean[] = [];
  for (const row of rows) {
    const ranked = rank(row, choice);
    if (ranked.length === 0) continue;
    const composed = compose(ranked, runnerUpRatio, row.evidence.passages);
    const features = answerabilityFeatures(ranked, row.evidence, composed.parts);
    answerableRows.push(Float64Array.from(ANSWERABLE_FEATURES, (name) => features[name] ?? 0));
    answerableLabels.push(composed.gold);
  }
  const answerable = fitLogisticRegression(ANSWERABLE_FEATURES, answerableRows, answerableLabels);
  return { choice, answerable, runnerUpRatio };
}

/** The lowest ratio (the most runner-ups) that keeps every set's mean answer length within the budget. */
function chooseRunnerUpRatio(rows: readonly QuestionRow[], choice: LinearModel): number {
  const sets = [...new Set(rows.map((row) => row.set))];
  const ranked = rows.filter((row) => !row.heldOut && !row.factLeftOut).map((row) => ({ set: row.set, ranked: rank(row, choice), passages: row.evidence.passages }));
  let chosen = 1;
  for (const ratio of RUNNER_UP_RATIOS) {
    const fits = sets.every((set) => {
      const answers = ranked.filter((entry) => entry.set === set && entry.ranked.length > 0).map((entry) => compose(entry.ranked, ratio, entry.passages));
      return answers.reduce((sum, answer) => sum + answer.chars, 0) / Math.max(1, answers.length) <= MEAN_CHARS_BUDGET;
    });
    if (!fits) break;
    chosen = ratio;
  }
  return chosen;
}

/** The candidates the answer quotes, whether they hold the gold, and their length. */
function compose(ranked: readonly RankedRow[], runnerUpRatio: number, passages: QuestionRow['evidence']['passages']): { parts: RankedRow[]; gold: boolean; chars: number } {
  const parts = composeAnswer(ranked, {
    runnerUpRatio,
    maxChars: MAX_ANSWER_CHARS,
    charsOf: (candidate) => candidate.row.chars,
    briefCharsOf: (candidate) => candidate.row.briefChars,
    articleOf: (candidate) => passages[candidate.sentence.passageIndex]?.articleId,
  });
  const [best, runnerUp] = parts as [RankedRow, RankedRow | undefined];
  return { parts, gold: best.row.gold || runnerUp?.row.briefGold === true, chars: best.row.chars + (runnerUp?.row.briefChars ?? 0) };
}

/** What the fitted models decide for each question. */
export function decide(rows: readonly QuestionRow[], models: FittedModels): Decision[] {
  return rows.map((row) => {
    const ranked = rank(row, models.choice);
    if (ranked.length === 0) return { set: row.set, heldOut: row.heldOut, factLeftOut: row.factLeftOut, confidence: 0, gold: false, chars: 0 };
    const { parts, gold, chars } = compose(ranked, models.runnerUpRatio, row.evidence.passages);
    const logit = logitOf(models.answerable, answerabilityFeatures(ranked, row.evidence, parts));
    return { set: row.set, heldOut: row.heldOut, factLeftOut: row.factLeftOut, confidence: 1 / (1 + Math.exp(-logit)), gold, chars };
  });
}

type RankedRow = RankedCandidate & { row: CandidateRow };

function rank(row: QuestionRow, choice: LinearModel): RankedRow[] {
  return row.candidates
    .map((candidate) => ({
      row: candidate,
      features: candidate.features,
      logit: logitOf(choice, candidate.features),
      texts: candidate.texts,
      sentence: { passageIndex: candidate.passageIndex },
    }))
    .sort((left, right) => right.logit - left.logit);
}
