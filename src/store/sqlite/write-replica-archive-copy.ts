import fs from 'node:fs';
import Database from 'better-sqlite3';
import { REPLICA_SEED_META_KEYS, REPLICA_TABLES, replicaBootstrapPending, replicaPosition } from './sqlite-replica-writes.js';

/** What the copy holds. */
export interface ReplicaArchiveCopy {
  /** The change-log position its articles reach. */
  position: number;
  /** Its schema version (`PRAGMA user_version`). */
  schemaVersion: number;
}

/** Raised when the replica is not a complete copy of the system of record (never caught up, or a snapshot copy under way). */
export class ReplicaNotSeedableError extends Error {
  constructor(readonly reason: string) {
    super(`this replica cannot seed another worker: ${reason}`);
    this.name = 'ReplicaNotSeedableError';
  }
}

/**
 * Writes a consistent copy of a replica's SQLite archive to `destination` (`VACUUM INTO`: one read transaction, so the
 * copy and the position it records agree) that holds the archive alone: every other table (subscriptions, question
 * log, chat memory, feedback… any table a later migration adds) is emptied in the copy with `secure_delete`, so no
 * reader data is shipped even in free pages; `meta` keeps the position and the last ingest only (not the replica's
 * own id). The schema stays whole, so the copy opens as any replica. Synchronous, and seconds long on a large
 * archive: a serving process runs it on a thread of its own (`copyReplicaArchive`).
 */
export function writeReplicaArchiveCopy(database: Database.Database, destination: string): ReplicaArchiveCopy {
  if (replicaBootstrapPending(database)) throw new ReplicaNotSeedableError('a snapshot is being copied into it');
  if (replicaPosition(database) === 0) throw new ReplicaNotSeedableError('it has not followed PostgreSQL yet');
  fs.rmSync(destination, { force: true });
  database.prepare('VACUUM INTO ?').run(destination);
  const copy = new Database(destination);
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma('secure_delete = ON');
    const tables = copy.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    const kept = (table: string): boolean => REPLICA_TABLES.includes(table) || table.startsWith('chunks_fts_');
    copy.transaction(() => {
      for (const table of tables) if (!kept(table)) copy.prepare(`DELETE FROM "${table.replaceAll('"', '""')}"`).run();
      copy.prepare(`DELETE FROM meta WHERE key NOT IN (${REPLICA_SEED_META_KEYS.map(() => '?').join(', ')})`).run(...REPLICA_SEED_META_KEYS);
      // AUTOINCREMENT counters of other tables (chunks keeps its own: its ids are the index's labels).
      copy.prepare(`DELETE FROM sqlite_sequence WHERE name NOT IN (${REPLICA_TABLES.map(() => '?').join(', ')})`).run(...REPLICA_TABLES);
    })();
    return { position: replicaPosition(copy), schemaVersion: copy.pragma('user_version', { simple: true }) as number };
  } finally {
    copy.close();
  }
}
