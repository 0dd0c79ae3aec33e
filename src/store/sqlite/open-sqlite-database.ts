import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runMigrations } from './run-migrations.js';

/**
 * How long a statement waits for another connection's write lock before failing with
 * "database is locked": generous, because another process (an `ingest` beside `serve`) may be
 * committing a batch of thousands of chunks.
 */
export const BUSY_TIMEOUT_MS = 30_000;

/** Bytes of the database file SQLite maps into memory (pages the OS can drop again; they count as resident once read). */
const MMAP_BYTES = 1024 * 1024 * 1024;

/**
 * Opens (creating the file and its folder) the newsbot database with the settings every
 * store module relies on, and brings the schema up to date.
 * Write transactions should be `BEGIN IMMEDIATE` (better-sqlite3's `transaction(fn).immediate()`):
 * a deferred one that read first cannot wait for the lock and fails at once when another process
 * wrote meanwhile.
 */
export interface OpenSqliteDatabaseOptions {
  /**
   * Read through a memory map of up to 1 GiB of the file (default true): faster searches, but the mapped pages count
   * as the process's resident memory once read. A process that only writes (an `ingest`) turns it off, so its memory
   * does not grow with the archive.
   */
  memoryMap?: boolean;
}

export function openSqliteDatabase(filePath: string, options: OpenSqliteDatabaseOptions = {}): Database.Database {
  if (filePath !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const database = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
  try {
    // First, so that switching a new file to WAL waits for a process opening it at the same time.
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, not left in free space: what /forget and retention delete (questions,
    // reader hashes) must not stay readable in the file.
    database.pragma('secure_delete = ON');
    // 64 MB of page cache (default 2 MB): keyword search touches many FTS pages per question.
    database.pragma('cache_size = -65536');
    // Reads through a memory map of up to 1 GiB of the file instead of a read() per page: fetching the candidates'
    // texts at random places of a 300 MB archive took 1.3 ms per 100 chunks this way against 1.4-5.6 ms.
    database.pragma(`mmap_size = ${options.memoryMap === false ? 0 : MMAP_BYTES}`);
    runMigrations(database);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}
