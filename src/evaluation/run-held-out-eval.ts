import type { Archive } from '../pipeline/archive.js';
import type { SquadSet } from './load-squad.js';

export interface HeldOutReport {
  /** Questions whose passage was left out of the archive: the archive cannot answer them. */
  questions: number;
  /** Share of them answered anyway (lower is better: each is an answer from the wrong passage). */
  answered: number;
}

/**
 * Measures abstention: indexes all but every `every`-th passage, then asks the questions of the
 * left-out passages. A well-calibrated answerer says "not found" to nearly all of them.
 */
export async function runHeldOutEval(archive: Archive, set: SquadSet, every = 10, onProgress?: (done: number, total: number) => void): Promise<HeldOutReport> {
  const heldOut = new Set(set.articles.filter((_, index) => index % every === 0).map((article) => article.id));
  await archive.indexArticles(set.articles.filter((article) => !heldOut.has(article.id)));
  const questions = set.questions.filter((question) => heldOut.has(question.articleId));
  let answered = 0;
  let done = 0;
  for (const question of questions) {
    if ((await archive.answerer.answer(question.question)).answered) answered += 1;
    onProgress?.(++done, questions.length);
  }
  return { questions: questions.length, answered: Number((answered / Math.max(1, questions.length)).toFixed(4)) };
}
