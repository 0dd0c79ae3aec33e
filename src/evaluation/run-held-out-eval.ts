import type { Archive } from '../pipeline/archive.js';
import type { SquadSet } from './load-squad.js';
import { detailPassages, type QuestionDetail } from './question-detail.js';
import { goldMatcher } from './run-squad-eval.js';
import { leftOutPassages } from './left-out-passages.js';

export interface HeldOutReport {
  /** Questions whose passage was left out of the archive: the archive cannot answer them. */
  questions: number;
  /** Share of them answered anyway. */
  answered: number;
  /**
   * Share answered without the gold: the wrong answers. An answer that holds the gold came from another passage
   * that says the same (a duplicate, another report of the story) and is right, not wrong.
   */
  wrong: number;
}

export interface RunHeldOutEvalOptions {
  /** Leave out every `every`-th passage (default 10). */
  every?: number;
  onProgress?: (done: number, total: number) => void;
  /** Receives one {@link QuestionDetail} per held-out question (`eval --details`). */
  onDetail?: (detail: QuestionDetail) => void;
}

/**
 * Measures abstention: indexes all but every `every`-th passage, then asks the questions of the
 * left-out passages. A well-calibrated answerer says "not found" to nearly all of them.
 */
export async function runHeldOutEval(archive: Archive, set: SquadSet, options: RunHeldOutEvalOptions = {}): Promise<HeldOutReport> {
  const heldOut = leftOutPassages(set, options.every);
  await archive.indexArticles(set.articles.filter((article) => !heldOut.has(article.id)));
  const questions = set.questions.filter((question) => heldOut.has(question.articleId));
  let answered = 0;
  let wrong = 0;
  let done = 0;
  for (const question of questions) {
    const result = await archive.answerer.answer(question.question);
    const holdsGold = goldMatcher(question);
    if (result.answered) answered += 1;
    if (result.answered && !holdsGold(result.answer.replace(/\[\d+\]/g, ''))) wrong += 1;
    if (options.onDetail) {
      const passages = await archive.retriever.search(question.question, { k: 10, perArticle: 1 });
      options.onDetail({
        question: question.question,
        articleId: question.articleId,
        golds: question.answers,
        heldOut: true,
        passages: detailPassages(passages, holdsGold),
        answered: result.answered,
        answer: result.answer,
        containsGold: result.answered && holdsGold(result.answer.replace(/\[\d+\]/g, '')),
      });
    }
    options.onProgress?.(++done, questions.length);
  }
  const share = (count: number): number => Number((count / Math.max(1, questions.length)).toFixed(4));
  return { questions: questions.length, answered: share(answered), wrong: share(wrong) };
}
