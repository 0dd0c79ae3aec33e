import type { AnswerFeedbackStore } from '../store/answer-feedback-store.js';
import type { QuestionLogStore } from '../store/question-log-store.js';
import { groupUnanswered, type UnansweredGroup } from './group-unanswered.js';
import { summarizeFeedback, type FeedbackSummary } from './summarize-feedback.js';

/** What readers asked since a time: how much was answered, what was not (grouped), and how answers were rated. */
export interface QuestionReport {
  since: string;
  questions: number;
  answered: number;
  unanswered: UnansweredGroup[];
  feedback: FeedbackSummary;
}

/** Builds the report of `/unanswered`, `/stats` and `newsbot report` from the question log and the votes. */
export async function buildQuestionReport(stores: { questionLog: QuestionLogStore; answerFeedback: AnswerFeedbackStore }, since: Date): Promise<QuestionReport> {
  const entries = await stores.questionLog.list({ since });
  const unanswered = entries.filter((entry) => !entry.answered);
  return {
    since: since.toISOString(),
    questions: entries.length,
    answered: entries.length - unanswered.length,
    unanswered: groupUnanswered(unanswered),
    feedback: summarizeFeedback(await stores.answerFeedback.votes(since)),
  };
}
