import type { Archive } from '../pipeline/archive.js';
import { normalizeForMatching } from '../text/normalize-text.js';
import type { EvalQuestion, SquadSet } from './load-squad.js';
import { detailPassages, type QuestionDetail } from './question-detail.js';

export interface EvalReport {
  questions: number;
  /** A hit: a retrieved article (passage) whose text contains a gold answer. */
  retrieval: { hitAt1: number; hitAt5: number; mrr: number; chunkHitAt1: number };
  /**
   * containsGold: the answer text contains a gold answer; answered: share not abstained;
   * meanChars: mean length of the answers given, citation markers excluded (short answers read better).
   */
  answer: { containsGold: number; answered: number; meanChars: number };
  seconds: number;
}

export interface RunSquadEvalOptions {
  onProgress?: (done: number, total: number) => void;
  /** Receives one {@link QuestionDetail} per question, in order (`eval --details`). */
  onDetail?: (detail: QuestionDetail) => void;
}

/** Indexes the set's articles into `archive`, asks every question, and scores retrieval and answers. */
export async function runSquadEval(archive: Archive, set: SquadSet, options: RunSquadEvalOptions = {}): Promise<EvalReport> {
  const started = Date.now();
  await archive.indexArticles(set.articles);
  const articleText = new Map(set.articles.map((article) => [article.id, normalizeForMatching(`${article.title}\n${article.paragraphs.join('\n')}`)]));
  let hitAt1 = 0;
  let hitAt5 = 0;
  let reciprocalRanks = 0;
  let chunkHitAt1 = 0;
  let containsGold = 0;
  let answered = 0;
  let answerChars = 0;
  let done = 0;
  for (const item of set.questions) {
    const holdsGold = goldMatcher(item);
    const passages = await archive.retriever.search(item.question, { k: 10, perArticle: 1 });
    const rank = passages.findIndex((passage) => holdsGold(articleText.get(passage.articleId) ?? ''));
    if (rank === 0) hitAt1 += 1;
    if (rank >= 0 && rank < 5) hitAt5 += 1;
    if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
    if (passages[0] && holdsGold(passages[0].text)) chunkHitAt1 += 1;
    const result = await archive.answerer.answer(item.question, item.now ? { now: item.now } : {});
    const answerText = result.answer.replace(/\[\d+\]/g, '');
    const gold = result.answered && holdsGold(answerText);
    if (result.answered) {
      answered += 1;
      answerChars += [...answerText].length;
    }
    if (gold) containsGold += 1;
    options.onDetail?.({
      question: item.question,
      articleId: item.articleId,
      golds: item.answers,
      heldOut: false,
      passages: detailPassages(passages, holdsGold),
      answered: result.answered,
      answer: result.answer,
      containsGold: gold,
    });
    options.onProgress?.(++done, set.questions.length);
  }
  const count = Math.max(1, set.questions.length);
  const round = (value: number): number => Number((value / count).toFixed(4));
  return {
    questions: set.questions.length,
    retrieval: { hitAt1: round(hitAt1), hitAt5: round(hitAt5), mrr: round(reciprocalRanks), chunkHitAt1: round(chunkHitAt1) },
    answer: { containsGold: round(containsGold), answered: round(answered), meanChars: Number((answerChars / Math.max(1, answered)).toFixed(1)) },
    seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
  };
}

/** Whether a text holds one of the question's gold answers, both folded the same way. */
export function goldMatcher(question: EvalQuestion): (text: string) => boolean {
  const golds = question.answers.map((answer) => normalizeForMatching(answer));
  return (text) => {
    const normalized = normalizeForMatching(text);
    return golds.some((gold) => normalized.includes(gold));
  };
}
