import type pg from 'pg';
import { ADVISORY_LOCKS } from './advisory-locks.js';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './postgres-migrations.js';

/** Raised when the database was migrated by a newer newsbot than this one. */
export class PostgresSchemaVersionError extends Error {
  readonly expected: number;
  readonly actual: number;
  constructor(expected: number, actual: number) {
    super(`the PostgreSQL schema is version ${actual} but this newsbot knows versions up to ${expected}; upgrade newsbot on this worker or point DATABASE_URL at another database`);
    this.name = 'PostgresSchemaVersionError';
    this.expected = expected;
    this.actual = actual;
  }
}

/** Raised when a migration's SQL fails; nothing of that migration is applied. */
export class PostgresMigrationError extends Error {
  readonly version: number;
  constructor(version: number, options: { cause: unknown }) {
    super(`PostgreSQL migration ${version} failed: ${(options.cause as Error)?.message ?? String(options.cause)}`, options);
    this.name = 'PostgresMigrationError';
    this.version = version;
  }
}

export interface RunPostgresMigrationsResult {
  /** Schema version afterwards. */
  version: number;
  /** Versions this call applied (empty when another process had already applied them). */
  applied: number[];
}

/**
 * Applies the migrations not yet in `schema_migrations`, each in its own transaction, under a
 * session advisory lock: N processes starting at once wait for each other, and the later ones
 * find everything applied. Safe to call on every start.
 */
export async function runPostgresMigrations(pool: pg.Pool, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<RunPostgresMigrationsResult> {
  const sorted = [...migrations].sort((left, right) => left.version - right.version);
  const latest = sorted.at(-1)?.version ?? 0;
  const client = await pool.connect();
  let broken = false;
  // See withTransaction: a dropped connection must not crash the process while the client is checked out.
  const onError = (): void => {
    broken = true;
  };
  client.on('error', onError);
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [ADVISORY_LOCKS.namespace, ADVISORY_LOCKS.migrations]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const rows = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows;
      const done = new Set(rows.map((row) => row.version));
      const current = Math.max(0, ...done);
      if (current > latest) throw new PostgresSchemaVersionError(latest, current);
      const applied: number[] = [];
      for (const migration of sorted) {
        if (done.has(migration.version)) continue;
        try {
          await client.query('BEGIN');
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new PostgresMigrationError(migration.version, { cause: error });
        }
        applied.push(migration.version);
      }
      return { version: Math.max(current, latest), applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [ADVISORY_LOCKS.namespace, ADVISORY_LOCKS.migrations]).catch(() => {
        // The connection is gone, and the session lock with it; do not hand it back to the pool.
        broken = true;
      });
    }
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
