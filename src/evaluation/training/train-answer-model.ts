import type { Archive } from '../../pipeline/archive.js';
import type { AnswerModel } from '../../answer/model/answer-model.js';
import { loadSquad } from '../load-squad.js';
import { collectAnswerRows, type ArchiveLayout, type QuestionRow } from './collect-answer-rows.js';
import { decide, fitAnswerModels } from './fit-answer-model.js';
import { crossValidate } from './cross-validate.js';
import { summarizeDecisions, type SetSummary } from './summarize-decisions.js';

/** A named SQuAD-format set. */
export interface NamedSet {
  name: string;
  file: string;
}

/**
 * What the fit makes of a tuning set's titles joined into long articles (asked in a second archive, reported as
 * `<name>-joined`, the same passages left out and in the same folds): `judge` reports it without fitting on it,
 * `also` fits on both archives, `instead` fits on the joined one only (the per-paragraph one is reported, not fitted).
 */
export type JoinedUse = 'judge' | 'also' | 'instead';

/** A tuning set, fitted on every paragraph as an article and, optionally, on its titles joined. */
export interface TrainingSet extends NamedSet {
  /** Absent: the set is asked per paragraph only. */
  joined?: JoinedUse;
}

export interface TrainAnswerModelOptions {
  /** Sets whose questions the committed weights are fitted on. */
  fitSets: TrainingSet[];
  /** Further sets only judged: decided by the models fitted on `fitSets`, never fitted on. */
  judgeSets?: NamedSet[];
  /** A fresh, empty archive per set (a throwaway home with the offline embedder). */
  openArchive: () => Promise<Archive>;
  /**
   * Whether the answerability model is fitted on the questions whose fact was cut out of their passage
   * (`leftOutFacts`; default true). False reports them, decided out of fold, without fitting on them.
   */
  fitFactsLeftOut?: boolean;
  /** Passage folds of the cross-validation (default 5); 0 fits the model only, with no curve. */
  folds?: number;
  onProgress?: (set: string, done: number, total: number) => void;
}

/**
 * Answer when the fitted probability that the answer holds the fact is at least 2/3: a wrong answer costs a reader
 * twice what a "not found" does (it misleads; a refusal only sends them to search), and answering pays when
 * p − 2(1 − p) ≥ 0. A stated cost, not a figure tuned to one set; `ANSWER_MIN_CONFIDENCE` moves it, and the
 * curve shows what that trades.
 */
export const DEFAULT_MIN_CONFIDENCE = 2 / 3;

/** Confidence thresholds the printed curve reads (docs/how-it-works.md's table). */
export const CURVE_THRESHOLDS = [0, 0.3, 0.5, 0.6, DEFAULT_MIN_CONFIDENCE, 0.75, 0.8] as const;

/**
 * Confidence thresholds the curve is measured at: the printed ones, and more between 0.4 and 0.9, so two fits can be
 * compared at equal wrong answers (`compareCurves`) where a held-out question moves the wrong share by 0.3 points.
 */
export const REPORT_THRESHOLDS = [0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.63, DEFAULT_MIN_CONFIDENCE, 0.7, 0.73, 0.75, 0.78, 0.8, 0.83, 0.86, 0.9] as const;

export interface TrainAnswerModelResult {
  model: AnswerModel;
  /**
   * Each set's figures at each threshold: out-of-fold for the fitted sets (passage folds the fit did not see),
   * and for the judged sets from the final fit, which never saw them.
   */
  curve: { threshold: number; sets: SetSummary[] }[];
}

/**
 * Fits the answer step's choice and answerability models on the tuning sets, reports cross-validated figures,
 * and returns the model to write as `src/answer/model/answer-model.json`.
 */
export async function trainAnswerModel(options: TrainAnswerModelOptions): Promise<TrainAnswerModelResult> {
  const collect = async (set: NamedSet, layout: ArchiveLayout = 'paragraphs'): Promise<QuestionRow[]> => {
    const reportAs = layout === 'joined' ? `${set.name}-joined` : set.name;
    const archive = await options.openArchive();
    try {
      return await collectAnswerRows(archive, set.name, loadSquad(set.file), {
        layout,
        reportAs,
        onProgress: (done, total) => options.onProgress?.(reportAs, done, total),
      });
    } finally {
      await archive.close();
    }
  };
  const fitRows: QuestionRow[] = [];
  const foldJudgedRows: QuestionRow[] = [];
  const fitsFacts = options.fitFactsLeftOut ?? true;
  for (const set of options.fitSets) {
    const paragraphs = await collect(set);
    const joined = set.joined ? await collect(set, 'joined') : [];
    // Rows not fitted on are still decided out of fold, so both layouts are reported on the same folds.
    const [fitted, judged] = [paragraphs.filter((row) => fitsFacts || !row.factLeftOut), paragraphs.filter((row) => !fitsFacts && row.factLeftOut)];
    (set.joined === 'instead' ? foldJudgedRows : fitRows).push(...fitted);
    foldJudgedRows.push(...judged);
    (set.joined === 'also' || set.joined === 'instead' ? fitRows : foldJudgedRows).push(...joined);
  }
  const judgeRows: QuestionRow[] = [];
  for (const set of options.judgeSets ?? []) judgeRows.push(...(await collect(set)));

  const models = fitAnswerModels(fitRows);
  const folds = options.folds ?? 5;
  const decisions = folds > 0 ? [...crossValidate(fitRows, folds, foldJudgedRows), ...decide(judgeRows, models)] : [];
  const questions = fitRows.length;
  const fittedSets = [...new Set(fitRows.map((row) => row.set))];
  const model: AnswerModel = {
    fittedOn: `${fittedSets.join(' + ')}: ${questions} questions, every 10th passage left out, the asked fact and what the question asks about cut out of every 5th; fitted by npm run train:answers`,
    choice: models.choice,
    answerable: models.answerable,
    runnerUpRatio: models.runnerUpRatio,
    minConfidence: DEFAULT_MIN_CONFIDENCE,
  };
  if (decisions.length === 0) return { model, curve: [] };
  return { model, curve: REPORT_THRESHOLDS.map((threshold) => ({ threshold, sets: summarizeDecisions(decisions, threshold) })) };
}
