import type { Archive } from '../../pipeline/archive.js';
import type { SquadSet } from '../load-squad.js';
import { goldMatcher } from '../run-squad-eval.js';
import type { AnswerInspection } from '../../answer/choice/answer-inspection.js';
import type { QuestionEvidence } from '../../answer/choice/answerability-features.js';
import { CHOICE_FEATURES } from './feature-names.js';
import { leftOutPassages } from '../left-out-passages.js';
import { leftOutFacts } from '../left-out-facts.js';
import { joinTitles } from '../join-titles.js';

/** How a tuning set is indexed: every paragraph one article (as `eval` does), or each title's paragraphs one article. */
export type ArchiveLayout = 'paragraphs' | 'joined';

/** One candidate answer as the fit sees it: its features in `CHOICE_FEATURES` order, and whether its text holds a gold answer. */
export interface CandidateRow {
  values: Float64Array;
  gold: boolean;
  passageIndex: number;
  /** The sentences it quotes, untrimmed: a sentence is told apart across overlapping passages by its text. */
  texts: string[];
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
  /** The passage (paragraph) the question was written about. */
  passageId: string;
  /**
   * The passage across archives (the tuning set's name and `passageId`): folds are drawn by it, never by question,
   * so a question asked in two layouts of one set sits in one fold.
   */
  foldKey: string;
  /** Whether that passage was left out of the archive (of its article, when joined): no candidate can come from it. */
  heldOut: boolean;
  /** Whether the passage is in the archive with the sentences holding this question's gold cut out (`leftOutFacts`). */
  factLeftOut: boolean;
  candidates: CandidateRow[];
  evidence: QuestionEvidence;
}

export interface CollectAnswerRowsOptions {
  /** Leave out every `every`-th passage (default 10), as `eval --held-out` does. */
  every?: number;
  /** How the set is indexed (default `paragraphs`); the same passages are left out either way. */
  layout?: ArchiveLayout;
  /** The name rows are reported under (default the set's name; a joined layout's rows are told apart by it). */
  reportAs?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Indexes a tuning set with every `every`-th passage left out (out of its article, when titles are joined), asks every question through the archive's answerer,
 * and keeps what the answer step weighed for each: the training rows of the choice and answerability models.
 * Questions of indexed passages teach which candidate holds the answer; those of left-out passages, and those whose
 * fact was cut out of their passage (`leftOutFacts`), teach when none does.
 */
export async function collectAnswerRows(archive: Archive, name: string, set: SquadSet, options: CollectAnswerRowsOptions = {}): Promise<QuestionRow[]> {
  const heldOut = leftOutPassages(set, options.every);
  const facts = leftOutFacts(set, heldOut);
  const trimmed = { ...set, articles: facts.articles };
  await archive.indexArticles(options.layout === 'joined' ? joinTitles(trimmed, heldOut) : trimmed.articles.filter((article) => !heldOut.has(article.id)));
  const rows: QuestionRow[] = [];
  let done = 0;
  for (const question of set.questions) {
    let inspection: AnswerInspection | null = null;
    await archive.answerer.answer(question.question, { inspect: (seen) => (inspection = seen) });
    const holdsGold = goldMatcher(question);
    const seen = inspection as AnswerInspection | null;
    rows.push({
      set: options.reportAs ?? name,
      passageId: question.articleId,
      foldKey: `${name}\u0000${question.articleId}`,
      heldOut: heldOut.has(question.articleId),
      factLeftOut: facts.questions.has(question),
      candidates: (seen?.candidates ?? []).map((candidate) => ({
        values: Float64Array.from(CHOICE_FEATURES, (feature) => candidate.features[feature] ?? 0),
        gold: holdsGold(candidate.text),
        passageIndex: candidate.sentence.passageIndex,
        texts: candidate.texts,
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
