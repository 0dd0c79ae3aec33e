// Every table of both backends is accounted for: /forget erases it (a store in READER_DATA_STORES lists it in its
// readerDataTables), or it holds no chat or user id (said why below), or it keeps reader data on purpose (said why).
// A new table fails here until someone decides which.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER_DATA_STORES } from '../../src/store/forget-reader.js';
import { openSqliteDatabase } from '../../src/store/open-sqlite-database.js';
import { openStateStores, type StateStores } from '../../src/store/open-state-stores.js';
import { createPostgresPool } from '../../src/store/postgres/create-postgres-pool.js';
import { openPostgresStateStores } from '../../src/store/postgres/open-postgres-state-stores.js';
import { runPostgresMigrations } from '../../src/store/postgres/run-postgres-migrations.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';

/** Tables that hold no chat id, user id, their hashes or a reader's words: the archive and its machinery. */
const NO_READER_DATA: Record<string, string> = {
  articles: 'the archive',
  chunks: 'the archive',
  change_log: 'which articles changed (PostgreSQL replicas follow it)',
  embedding_jobs: 'articles waiting for vectors',
  embedding_job_articles: 'articles waiting for vectors',
  meta: 'archive settings and counters',
  feed_states: 'feed URLs and the items seen in them',
  question_log_secret: 'emptied on start: the key never stays in the database',
  schema_migrations: 'applied PostgreSQL migrations',
  sqlite_sequence: 'SQLite’s AUTOINCREMENT counters',
};
/** Reader data /forget leaves on purpose. */
const KEPT: Record<string, string> = {
  rate_limit_windows: 'a minute of request times under the keyed hash; erasing it would let /forget reset the limit; gone with the minute',
};
/** Column names that say a table may hold reader data. */
const READER_COLUMN = /chat|user|reader|question/i;

function covered(stores: Pick<StateStores, (typeof READER_DATA_STORES)[number]>): Set<string> {
  return new Set(READER_DATA_STORES.flatMap((name) => stores[name].readerDataTables));
}

function expectEveryTableAccountedFor(tables: Map<string, string[]>, erased: Set<string>): void {
  const unaccounted = [...tables.keys()].filter((table) => !erased.has(table) && !(table in NO_READER_DATA) && !(table in KEPT));
  expect(unaccounted, 'tables that /forget does not erase, with no reason given here').toEqual([]);
  for (const table of erased) expect([...tables.keys()], `${table}, erased by /forget, exists`).toContain(table);
  for (const table of Object.keys(NO_READER_DATA)) {
    const columns = tables.get(table) ?? [];
    expect(
      columns.filter((column) => READER_COLUMN.test(column)),
      `${table} is said to hold no reader data`,
    ).toEqual([]);
  }
}

describe('reader data: every table accounted for', () => {
  it('SQLite', () => {
    const database = openSqliteDatabase(':memory:');
    const tables = new Map<string, string[]>();
    const names = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    // The full-text index of the archive: FTS5 and its shadow tables.
    for (const name of names.filter((candidate) => !candidate.startsWith('chunks_fts'))) {
      tables.set(
        name,
        (database.prepare(`PRAGMA table_info(${JSON.stringify(name)})`).all() as { name: string }[]).map((column) => column.name),
      );
    }
    expectEveryTableAccountedFor(tables, covered(openStateStores(database)));
    database.close();
  });

  describe('PostgreSQL', () => {
    let server: PostgresServer;
    let pool: pg.Pool;
    beforeAll(async () => {
      server = await startPostgresServer();
      pool = createPostgresPool({ connectionString: await server.createDatabase() });
      await runPostgresMigrations(pool);
    }, 30_000);
    afterAll(async () => {
      await pool?.end();
      await server?.close();
    });

    it('PostgreSQL', async () => {
      const { rows } = await pool.query<{ table_name: string; column_name: string }>(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
      );
      const tables = new Map<string, string[]>();
      for (const row of rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
      expectEveryTableAccountedFor(tables, covered(openPostgresStateStores(pool)));
    });
  });
});
