import type { Archive } from '../pipeline/archive.js';
import type { EvalQuestion, SquadSet } from './load-squad.js';
import { detailPassages, type QuestionDetail } from './question-detail.js';
import { goldMatcher } from './run-squad-eval.js';
import { leftOutPassages } from './left-out-passages.js';
import { leftOutFacts } from './left-out-facts.js';

/** Questions the archive cannot answer, and what the answerer made of them. */
export interface LeftOutReport {
  questions: number;
  /** Share of them answered anyway. */
  answered: number;
  /**
   * Share answered without the gold: the wrong answers. An answer that holds the gold came from another passage
   * that says the same (a duplicate, another report of the story) and is right, not wrong.
   */
  wrong: number;
}

export interface HeldOutReport extends LeftOutReport {
  /**
   * Questions whose passage is in the archive with the sentences holding their gold cut out (`leftOutFacts`): the
   * story is there, the fact is not (苏明的妻子叫什么名字 of a story that never names her).
   */
  factLeftOut: LeftOutReport;
}

export interface RunHeldOutEvalOptions {
  /** Leave out every `every`-th passage (default 10). */
  every?: number;
  onProgress?: (done: number, total: number) => void;
  /** Receives one {@link QuestionDetail} per held-out question, passage or fact (`eval --details`). */
  onDetail?: (detail: QuestionDetail) => void;
}

/**
 * Measures abstention: indexes all but every `every`-th passage, with the asked fact cut out of others
 * (`leftOutFacts`), then asks the questions of the left-out passages and those of the cut-out facts. A
 * well-calibrated answerer says "not found" to nearly all of them.
 */
export async function runHeldOutEval(archive: Archive, set: SquadSet, options: RunHeldOutEvalOptions = {}): Promise<HeldOutReport> {
  const heldOut = leftOutPassages(set, options.every);
  const facts = leftOutFacts(set, heldOut);
  await archive.indexArticles(facts.articles.filter((article) => !heldOut.has(article.id)));
  const passageQuestions = set.questions.filter((question) => heldOut.has(question.articleId));
  const factQuestions = set.questions.filter((question) => facts.questions.has(question));
  const total = passageQuestions.length + factQuestions.length;
  let done = 0;
  const ask = async (questions: readonly EvalQuestion[], factLeftOut: boolean): Promise<LeftOutReport> => {
    let answered = 0;
    let wrong = 0;
    for (const question of questions) {
      const result = await archive.answerer.answer(question.question);
      const holdsGold = goldMatcher(question);
      const containsGold = result.answered && holdsGold(result.answer.replace(/\[\d+\]/g, ''));
      if (result.answered) answered += 1;
      if (result.answered && !containsGold) wrong += 1;
      if (options.onDetail) {
        const passages = await archive.retriever.search(question.question, { k: 10, perArticle: 1 });
        options.onDetail({
          question: question.question,
          articleId: question.articleId,
          golds: question.answers,
          heldOut: true,
          ...(factLeftOut ? { factLeftOut } : {}),
          passages: detailPassages(passages, holdsGold),
          answered: result.answered,
          answer: result.answer,
          containsGold,
        });
      }
      options.onProgress?.(++done, total);
    }
    const share = (count: number): number => Number((count / Math.max(1, questions.length)).toFixed(4));
    return { questions: questions.length, answered: share(answered), wrong: share(wrong) };
  };
  const passages = await ask(passageQuestions, false);
  return { ...passages, factLeftOut: await ask(factQuestions, true) };
}
