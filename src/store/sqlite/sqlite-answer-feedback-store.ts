import type Database from 'better-sqlite3';
import { SqlAnswerFeedbackStore } from '../sql/sql-answer-feedback-store.js';
import { sqliteClient } from './sqlite-client.js';

/** `AnswerFeedbackStore` on the newsbot SQLite database: `answer_feedback`, keyed by (question, reader). */
export class SqliteAnswerFeedbackStore extends SqlAnswerFeedbackStore {
  constructor(database: Database.Database) {
    super(sqliteClient(database));
  }
}
