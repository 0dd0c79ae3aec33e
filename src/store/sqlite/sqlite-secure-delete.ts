import type Database from 'better-sqlite3';

/** One DELETE with its parameters, as better-sqlite3 binds them. */
type DeleteStatement = readonly [sql: string, ...parameters: unknown[]];

/**
 * Runs deletes of reader data in one transaction, then copies the write-ahead log into the database file and empties
 * it, so what was deleted is readable neither in the file (the connection runs with `secure_delete`, which zeroes
 * deleted content) nor in the log's older frames. The checkpoint never waits: busy (an ingest writing), it does what
 * it can now and the next checkpoint does the rest. Resolves the rows deleted.
 */
export function deleteSecurely(database: Database.Database, statements: readonly DeleteStatement[]): number {
  const deleted = database.transaction(() => statements.reduce((sum, [sql, ...parameters]) => sum + database.prepare(sql).run(...parameters).changes, 0)).immediate();
  if (deleted > 0 && database.name !== ':memory:') {
    const busyTimeout = database.pragma('busy_timeout', { simple: true }) as number;
    database.pragma('busy_timeout = 0');
    try {
      database.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Busy: the rows are deleted (and zeroed in the log); the next checkpoint moves them out of it.
    } finally {
      database.pragma(`busy_timeout = ${Math.trunc(busyTimeout)}`);
    }
  }
  return deleted;
}
