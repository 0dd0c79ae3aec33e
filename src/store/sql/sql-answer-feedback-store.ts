import type { AnswerFeedbackStore, FeedbackVote, RecordedVote } from '../answer-feedback-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { decodeList } from './decode-column.js';
import { isStoredId } from './is-stored-id.js';
import type { SqlClient } from './sql-client.js';

/** An `answer_feedback` row joined with its question, as either backend returns it. */
interface VoteRow {
  question_id: number | string;
  question: string;
  cited_chunk_ids: string | (string | number)[];
  asked_at: string | Date;
  vote: number;
  voted_at: string | Date;
}

/** PostgreSQL's code for a foreign-key violation. */
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * {@link AnswerFeedbackStore} written once for both backends: `answer_feedback`, keyed by (question, reader), and
 * `answer_messages`, the bot messages that carry each answer, keyed by (chat hash, message id).
 */
export class SqlAnswerFeedbackStore implements AnswerFeedbackStore {
  readonly readerDataTables = ['answer_feedback', 'answer_messages'] as const;
  readonly #client: SqlClient;

  constructor(client: SqlClient) {
    this.#client = client;
  }

  async vote(questionId: number, readerHash: string, vote: FeedbackVote, at: Date): Promise<boolean> {
    if (!isStoredId(questionId)) return false;
    try {
      // INSERT … SELECT writes nothing when the question is gone or someone else's, without a separate read that could
      // race a delete; the upsert keeps one row per reader, also when the same reader's presses reach two workers at once.
      const changed = await this.#client.run(
        `INSERT INTO answer_feedback (question_id, reader_hash, vote, voted_at)
         SELECT id, reader_hash, ?, ? FROM question_log WHERE id = ? AND reader_hash = ?
         ON CONFLICT (question_id, reader_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
        [vote === 'up' ? 1 : -1, at, questionId, readerHash],
      );
      return changed > 0;
    } catch (error) {
      // PostgreSQL: the question was deleted (/forget, retention) between this statement's read and its write.
      if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return false;
      throw error;
    }
  }

  async rememberAnswerMessages(questionId: number, chatHash: string, messageIds: readonly number[]): Promise<void> {
    if (!isStoredId(questionId)) return;
    for (const messageId of messageIds) {
      // INSERT … SELECT: nothing is written for a question forgotten meanwhile.
      await this.#client.run(
        `INSERT INTO answer_messages (chat_hash, message_id, question_id)
         SELECT ?, ?, id FROM question_log WHERE id = ?
         ON CONFLICT (chat_hash, message_id) DO UPDATE SET question_id = excluded.question_id`,
        [chatHash, messageId, questionId],
      );
    }
  }

  async answeredQuestion(chatHash: string, messageId: number): Promise<number | null> {
    if (!Number.isSafeInteger(messageId)) return null;
    const [row] = await this.#client.rows<{ question_id: number | string }>('SELECT question_id FROM answer_messages WHERE chat_hash = ? AND message_id = ?', [
      chatHash,
      messageId,
    ]);
    return row ? Number(row.question_id) : null;
  }

  async votes(since: Date): Promise<RecordedVote[]> {
    const rows = await this.#client.rows<VoteRow>(
      `SELECT f.question_id, q.question, q.cited_chunk_ids, q.asked_at, f.vote, f.voted_at
       FROM answer_feedback f JOIN question_log q ON q.id = f.question_id
       WHERE q.asked_at >= ? ORDER BY q.asked_at, q.id, f.voted_at`,
      [since],
    );
    return rows.map((row) => ({
      questionId: Number(row.question_id),
      question: row.question,
      citedChunkIds: decodeList(row.cited_chunk_ids).map(Number),
      askedAt: new Date(row.asked_at),
      vote: row.vote > 0 ? 'up' : 'down',
      votedAt: new Date(row.voted_at),
    }));
  }

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    // Also gone with the reader's questions (ON DELETE CASCADE); erased here too, whatever order /forget walks in.
    // Not counted: /forget reports votes.
    await this.#client.deleteReaderRows([['DELETE FROM answer_messages WHERE question_id IN (SELECT id FROM question_log WHERE reader_hash = ?)', reader.readerHash]]);
    return this.#client.deleteReaderRows([['DELETE FROM answer_feedback WHERE reader_hash = ?', reader.readerHash]]);
  }
}
