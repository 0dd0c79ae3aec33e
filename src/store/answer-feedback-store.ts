import type { ReaderDataHolder } from './reader-data.js';

/** A reader's verdict on an answer. */
export type FeedbackVote = 'up' | 'down';

/** One reader's current vote on one answer, with the question it answered and the chunks it cited. */
export interface RecordedVote {
  questionId: number;
  question: string;
  citedChunkIds: readonly number[];
  askedAt: Date;
  vote: FeedbackVote;
  votedAt: Date;
}

/**
 * Port: 👍 / 👎 under answers. Only the reader who asked votes on an answer (a keyed hash, as in the question log),
 * once; voting again replaces it. Votes belong to a logged question and go when it goes. The SQLite adapter is
 * `SqliteAnswerFeedbackStore`.
 */
export interface AnswerFeedbackStore extends ReaderDataHolder {
  /** Records or changes a vote; resolves false when the question is no longer logged (forgotten or expired) or another reader asked it. */
  vote(questionId: number, readerHash: string, vote: FeedbackVote, at: Date): Promise<boolean>;
  /**
   * Remembers that these bot messages (in the chat with this keyed hash) carry the answer to `questionId`, so a
   * reaction on one of them is a vote on it; gone with the question.
   */
  rememberAnswerMessages(questionId: number, chatHash: string, messageIds: readonly number[]): Promise<void>;
  /** The logged question whose answer is this message, or null (not an answer, forgotten or expired). */
  answeredQuestion(chatHash: string, messageId: number): Promise<number | null>;
  /** Current votes on questions asked at or after `since`, oldest question first. */
  votes(since: Date): Promise<RecordedVote[]>;
}
