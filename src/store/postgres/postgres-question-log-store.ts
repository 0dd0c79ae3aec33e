import type pg from 'pg';
import { SqlQuestionLogStore } from '../sql/sql-question-log-store.js';
import { postgresClient } from './postgres-client.js';

/**
 * `QuestionLogStore` on PostgreSQL, shared by every worker: `/forget`, retention and the reports see the questions
 * asked through any of them.
 */
export class PostgresQuestionLogStore extends SqlQuestionLogStore {
  constructor(pool: pg.Pool) {
    super(postgresClient(pool));
  }
}
