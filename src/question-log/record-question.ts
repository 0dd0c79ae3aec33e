import type { AnswerResult } from '../answer/answer-result.js';
import { metrics } from '../log/metrics.js';
import type { Logger } from '../log/logger.js';
import type { QuestionLogStore } from '../store/question-log-store.js';
import type { ReaderKeys } from './reader-keys.js';

/** A question as it arrived: who (hashed before storing), where, and what. */
export interface AskedQuestion {
  userId: number;
  /** `private`, `group`, `supergroup`, `channel` or `inline`. */
  chatType: string;
  text: string;
  askedAt: Date;
}

/** What came of it: the answer (null when it timed out) and the chunks its citations quote. */
export interface QuestionOutcome {
  result: AnswerResult | null;
  citedChunkIds: readonly number[];
  latencyMs: number;
}

/** What {@link recordQuestion} writes to and logs with. */
export interface RecordQuestionPorts {
  readonly questionLog: QuestionLogStore;
  readonly readerKeys: ReaderKeys;
  readonly logger: Logger;
}

/**
 * Counts the question in the metrics and records it in the question log (the reader as a keyed hash only).
 * Resolves the entry's id, or null when the log could not be written: that is logged, and the reader still gets the answer.
 */
export async function recordQuestion(deps: RecordQuestionPorts, asked: AskedQuestion, outcome: QuestionOutcome): Promise<number | null> {
  const answered = outcome.result?.answered === true && outcome.result.answer.trim().length > 0;
  metrics.questions.inc({ chat_type: asked.chatType, outcome: outcome.result === null ? 'timed_out' : answered ? 'answered' : 'unanswered' });
  if (outcome.result !== null) metrics.answerLatency.observe({ mode: outcome.result.mode }, outcome.latencyMs / 1000);
  try {
    return await deps.questionLog.record({
      askedAt: asked.askedAt,
      readerHash: deps.readerKeys.reader(asked.userId),
      chatType: asked.chatType,
      question: asked.text,
      answered,
      mode: answered ? (outcome.result?.mode ?? null) : null,
      citedArticleIds: answered ? [...new Set(outcome.result?.citations.map((citation) => citation.articleId))] : [],
      citedChunkIds: answered ? outcome.citedChunkIds : [],
      latencyMs: outcome.latencyMs,
    });
  } catch (error) {
    deps.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'could not record the question in the question log');
    return null;
  }
}
