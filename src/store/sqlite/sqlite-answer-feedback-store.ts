import type Database from 'better-sqlite3';
import type { AnswerFeedbackStore, FeedbackVote, RecordedVote } from '../answer-feedback-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { deleteSecurely } from './sqlite-secure-delete.js';

interface VoteRow {
  question_id: number;
  question: string;
  cited_chunk_ids: string;
  asked_at: string;
  vote: number;
  voted_at: string;
}

/** {@link AnswerFeedbackStore} on the newsbot SQLite database: `answer_feedback`, keyed by (question, reader). */
export class SqliteAnswerFeedbackStore implements AnswerFeedbackStore {
  readonly readerDataTables = ['answer_feedback'] as const;
  readonly #database: Database.Database;

  constructor(database: Database.Database) {
    this.#database = database;
  }

  async vote(questionId: number, readerHash: string, vote: FeedbackVote, at: Date): Promise<boolean> {
    // INSERT … SELECT: nothing is written when the question is gone or someone else's, without a separate read that could race a delete.
    const result = this.#database
      .prepare(
        `INSERT INTO answer_feedback (question_id, reader_hash, vote, voted_at)
         SELECT id, reader_hash, ?, ? FROM question_log WHERE id = ? AND reader_hash = ?
         ON CONFLICT (question_id, reader_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
      )
      .run(vote === 'up' ? 1 : -1, at.toISOString(), questionId, readerHash);
    return result.changes > 0;
  }

  async votes(since: Date): Promise<RecordedVote[]> {
    const rows = this.#database
      .prepare(
        `SELECT f.question_id, q.question, q.cited_chunk_ids, q.asked_at, f.vote, f.voted_at
         FROM answer_feedback f JOIN question_log q ON q.id = f.question_id
         WHERE q.asked_at >= ? ORDER BY q.asked_at, q.id, f.voted_at`,
      )
      .all(since.toISOString()) as VoteRow[];
    return rows.map((row) => ({
      questionId: row.question_id,
      question: row.question,
      citedChunkIds: JSON.parse(row.cited_chunk_ids) as number[],
      askedAt: new Date(row.asked_at),
      vote: row.vote > 0 ? 'up' : 'down',
      votedAt: new Date(row.voted_at),
    }));
  }

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    return deleteSecurely(this.#database, [['DELETE FROM answer_feedback WHERE reader_hash = ?', reader.readerHash]]);
  }
}
