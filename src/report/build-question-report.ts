import type { AnswerFeedbackStore } from '../store/answer-feedback-store.js';
import type { QuestionLogStore } from '../store/question-log-store.js';
import { groupUnanswered, type UnansweredGroup } from './group-unanswered.js';
import { summarizeFeedback, type FeedbackSummary } from './summarize-feedback.js';
import type { PinMatcher } from '../answer/pinned/pin-matcher.js';

/** What readers asked since a time: how much was answered, what was not (grouped), and how answers were rated. */
export interface QuestionReport {
  since: string;
  questions: number;
  answered: number;
  /** Each group with `pinId` when an editors' pin now answers its example question. */
  unanswered: PinnedGroup[];
  feedback: FeedbackSummary;
}

/** An unanswered group, and the pin that answers it now (absent when none does). */
export interface PinnedGroup extends UnansweredGroup {
  pinId?: number;
}

/**
 * Builds the report of `/unanswered`, `/stats` and `newsbot report` from the question log and the votes. With `pins`
 * (the archive's `PinMatcher`), a question answered by a pin that is no longer served (unpinned, or its article removed)
 * counts as unanswered again, and each group says which pin now answers its example question.
 */
export async function buildQuestionReport(
  stores: { questionLog: QuestionLogStore; answerFeedback: AnswerFeedbackStore },
  since: Date,
  pins: Pick<PinMatcher, 'match'> | null = null,
): Promise<QuestionReport> {
  const entries = await stores.questionLog.list({ since });
  const unanswered: typeof entries = [];
  for (const entry of entries) {
    if (!entry.answered || (entry.mode === 'pinned' && (await pins?.match(entry.question)) == null)) unanswered.push(entry);
  }
  const groups: PinnedGroup[] = [];
  for (const group of groupUnanswered(unanswered)) {
    const match = pins ? await pins.match(group.example) : null;
    groups.push(match ? { ...group, pinId: match.pin.id } : group);
  }
  return {
    since: since.toISOString(),
    questions: entries.length,
    answered: entries.length - unanswered.length,
    unanswered: groups,
    feedback: summarizeFeedback(await stores.answerFeedback.votes(since)),
  };
}
