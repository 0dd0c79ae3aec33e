import type pg from 'pg';
import { SqlAnswerFeedbackStore } from '../sql/sql-answer-feedback-store.js';
import { postgresClient } from './postgres-client.js';

/** `AnswerFeedbackStore` on PostgreSQL: `answer_feedback`, keyed by (question, reader), shared by every worker. */
export class PostgresAnswerFeedbackStore extends SqlAnswerFeedbackStore {
  constructor(pool: pg.Pool) {
    super(postgresClient(pool));
  }
}
