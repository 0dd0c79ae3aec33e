import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runMigrations } from './run-migrations.js';

/**
 * Opens (creating the file and its folder) the newsbot database with the settings every
 * store module relies on, and brings the schema up to date.
 */
export function openSqliteDatabase(filePath: string): Database.Database {
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const database = new Database(filePath);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // 64 MB of page cache (default 2 MB): keyword search touches many FTS pages per question.
    database.pragma('cache_size = -65536');
    runMigrations(database);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}
