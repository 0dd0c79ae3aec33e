import type { Archive } from '../../pipeline/archive.js';
import type { SquadSet } from '../load-squad.js';
import { goldMatcher } from '../run-squad-eval.js';
import type { AnswerInspection } from '../../answer/choice/answer-inspection.js';
import type { QuestionEvidence } from '../../answer/choice/answerability-features.js';
import { CHOICE_FEATURES } from './feature-names.js';

/** One candidate answer as the fit sees it: its features in `CHOICE_FEATURES` order, and whether its text holds a gold answer. */
export interface CandidateRow {
  values: Float64Array;
  gold: boolean;
  passageIndex: number;
  sentenceIndex: number;
  /** The candidate's features by name, for the answerability features of the question. */
  features: Readonly<Record<string, number>>;
  chars: number;
  /** The same for the candidate quoted briefly, as a runner-up. */
  briefGold: boolean;
  briefChars: number;
}

/** One question of a tuning set with every candidate the answer step weighed. */
export interface QuestionRow {
  set: string;
  /** The passage the question was written about: folds are drawn by passage, never by question. */
  passageId: string;
  /** Whether that passage was left out of the archive: no candidate can come from it. */
  heldOut: boolean;
  candidates: CandidateRow[];
  evidence: QuestionEvidence;
}

export interface CollectAnswerRowsOptions {
  /** Leave out every `every`-th passage (default 10), as `eval --held-out` does. */
  every?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Indexes a tuning set with every `every`-th passage left out, asks every question through the archive's answerer,
 * and keeps what the answer step weighed for each: the training rows of the choice and answerability models.
 * Questions of indexed passages teach which candidate holds the answer; those of left-out passages teach when
 * none does.
 */
export async function collectAnswerRows(archive: Archive, name: string, set: SquadSet, options: CollectAnswerRowsOptions = {}): Promise<QuestionRow[]> {
  const every = options.every ?? 10;
  const heldOut = new Set(set.articles.filter((_, index) => index % every === 0).map((article) => article.id));
  await archive.indexArticles(set.articles.filter((article) => !heldOut.has(article.id)));
  const rows: QuestionRow[] = [];
  let done = 0;
  for (const question of set.questions) {
    let inspection: AnswerInspection | null = null;
    await archive.answerer.answer(question.question, { inspect: (seen) => (inspection = seen) });
    const holdsGold = goldMatcher(question);
    const seen = inspection as AnswerInspection | null;
    rows.push({
      set: name,
      passageId: question.articleId,
      heldOut: heldOut.has(question.articleId),
      candidates: (seen?.candidates ?? []).map((candidate) => ({
        values: Float64Array.from(CHOICE_FEATURES, (feature) => candidate.features[feature] ?? 0),
        gold: holdsGold(candidate.text),
        passageIndex: candidate.sentence.passageIndex,
        sentenceIndex: candidate.sentence.sentenceIndex,
        features: candidate.features,
        chars: [...candidate.text].length,
        briefGold: holdsGold(candidate.brief),
        briefChars: [...candidate.brief].length,
      })),
      evidence: seen
        ? { ...seen.evidence, passages: seen.evidence.passages.map((passage) => ({ articleId: passage.articleId, score: passage.score })) }
        : { distinctiveAbsent: 0, weightAbsent: 0, units: 0, passages: [] },
    });
    options.onProgress?.(++done, set.questions.length);
  }
  return rows;
}
