import type Database from 'better-sqlite3';
import type { Archive } from '../pipeline/archive.js';

/**
 * The better-sqlite3 handle behind an archive, for the digest tables that live in the same file.
 * Looks for `archive.database`, then `archive.store.database` (the SQLite article store exposes it).
 * Throws with the fix when neither exists.
 */
export function sharedDatabaseOf(archive: Archive): Database.Database {
  const candidates = [(archive as { database?: unknown }).database, (archive.store as { database?: unknown }).database];
  const database = candidates.find(isDatabase);
  if (!database) {
    throw new Error(
      'digest subscriptions need the SQLite database handle, but the archive exposes none (expected archive.database or archive.store.database); ' +
        'pass { database } to createDigestService / registerDigestCommands',
    );
  }
  return database;
}

function isDatabase(value: unknown): value is Database.Database {
  return typeof value === 'object' && value !== null && typeof (value as { prepare?: unknown }).prepare === 'function' && typeof (value as { exec?: unknown }).exec === 'function';
}
