import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Raised when the database was written by a newer newsbot than this one. */
export class SchemaVersionError extends Error {
  readonly expected: number;
  readonly actual: number;
  constructor(expected: number, actual: number) {
    super(`the database schema is version ${actual} but this newsbot knows versions up to ${expected}; upgrade newsbot or point NEWSBOT_HOME at another directory`);
    this.name = 'SchemaVersionError';
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * Applies the migrations newer than `PRAGMA user_version`, each in its own transaction.
 * Returns the schema version afterwards. Safe to call on every open.
 */
export function runMigrations(database: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const sorted = [...migrations].sort((left, right) => left.version - right.version);
  const latest = sorted.at(-1)?.version ?? 0;
  let current = database.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new SchemaVersionError(latest, current);
  for (const migration of sorted) {
    if (migration.version <= current) continue;
    // IMMEDIATE, and the version read again inside: another process opening the same new file
    // may have applied this migration while we waited for the lock.
    database
      .transaction(() => {
        if ((database.pragma('user_version', { simple: true }) as number) >= migration.version) return;
        database.exec(migration.sql);
        // PRAGMA does not take bound parameters; the version is an integer from our own list.
        database.pragma(`user_version = ${Math.trunc(migration.version)}`);
      })
      .immediate();
    current = Math.max(migration.version, database.pragma('user_version', { simple: true }) as number);
  }
  return current;
}
