import type Database from 'better-sqlite3';
import { SqlQuestionLogStore } from '../sql/sql-question-log-store.js';
import { sqliteClient } from './sqlite-client.js';

/** `QuestionLogStore` on the newsbot SQLite database (tables `question_log`, `question_log_secret`). Times are ISO 8601 UTC. */
export class SqliteQuestionLogStore extends SqlQuestionLogStore {
  constructor(database: Database.Database) {
    super(sqliteClient(database));
  }
}
