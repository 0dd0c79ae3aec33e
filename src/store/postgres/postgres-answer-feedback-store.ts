import type pg from 'pg';
import type { AnswerFeedbackStore, FeedbackVote, RecordedVote } from '../answer-feedback-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { isStoredId } from './postgres-question-log-store.js';

interface VoteRow {
  question_id: string;
  question: string;
  cited_chunk_ids: string[];
  asked_at: Date;
  vote: number;
  voted_at: Date;
}

/** PostgreSQL's code for a foreign-key violation. */
const FOREIGN_KEY_VIOLATION = '23503';

/** {@link AnswerFeedbackStore} on PostgreSQL: `answer_feedback`, keyed by (question, reader), shared by every worker. */
export class PostgresAnswerFeedbackStore implements AnswerFeedbackStore {
  readonly readerDataTables = ['answer_feedback'] as const;
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async vote(questionId: number, readerHash: string, vote: FeedbackVote, at: Date): Promise<boolean> {
    if (!isStoredId(questionId)) return false;
    try {
      // INSERT … SELECT writes nothing when the question is gone or someone else's; the upsert keeps one row per
      // reader, also when the same reader's presses reach two workers at once.
      const { rowCount } = await this.#pool.query(
        `INSERT INTO answer_feedback (question_id, reader_hash, vote, voted_at)
         SELECT id, reader_hash, $3, $4 FROM question_log WHERE id = $1 AND reader_hash = $2
         ON CONFLICT (question_id, reader_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
        [questionId, readerHash, vote === 'up' ? 1 : -1, at],
      );
      return (rowCount ?? 0) > 0;
    } catch (error) {
      // The question was deleted (/forget, retention) between this statement's read and its write.
      if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return false;
      throw error;
    }
  }

  async votes(since: Date): Promise<RecordedVote[]> {
    const { rows } = await this.#pool.query<VoteRow>(
      `SELECT f.question_id, q.question, q.cited_chunk_ids, q.asked_at, f.vote, f.voted_at
       FROM answer_feedback f JOIN question_log q ON q.id = f.question_id
       WHERE q.asked_at >= $1 ORDER BY q.asked_at, q.id, f.voted_at`,
      [since],
    );
    return rows.map((row) => ({
      questionId: Number(row.question_id),
      question: row.question,
      citedChunkIds: row.cited_chunk_ids.map(Number),
      askedAt: row.asked_at,
      vote: row.vote > 0 ? 'up' : 'down',
      votedAt: row.voted_at,
    }));
  }

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    const { rowCount } = await this.#pool.query('DELETE FROM answer_feedback WHERE reader_hash = $1', [reader.readerHash]);
    return rowCount ?? 0;
  }
}
