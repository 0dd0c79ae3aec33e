// Every table of both backends is accounted for: /forget erases it (a store in READER_DATA_STORES lists it in its
// readerDataTables), or it holds no chat or user id (said why below), or it keeps reader data on purpose (said why).
// A new table fails here until someone decides which; so does a column naming a chat or user other than by a keyed
// hash, and a new column of the chat memory's tables.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READER_DATA_STORES } from '../../src/store/forget-reader.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../../src/store/sqlite/open-state-stores.js';
import type { StateStores } from '../../src/store/state-stores.js';
import { createPostgresPool } from '../../src/store/postgres/create-postgres-pool.js';
import { openPostgresStateStores } from '../../src/store/postgres/open-postgres-state-stores.js';
import { runPostgresMigrations } from '../../src/store/postgres/run-postgres-migrations.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';

/** Tables that hold no chat id, user id, their hashes or a reader's words: the archive and its machinery. */
const NO_READER_DATA: Record<string, string> = {
  articles: 'the archive',
  chunks: 'the archive',
  article_corrections: 'the archive: printed corrections linked to what they correct',
  article_revisions: 'the archive: articles updated in place',
  correction_notices: 'the archive: printed correction notices and what they name',
  term_frequencies: 'the archive: how many chunks hold each full-text term',
  pinned_answers: 'newsroom data: the questions and answers staff pin, with no chat or staff member',
  change_log: 'which articles changed (PostgreSQL replicas follow it)',
  change_log_compaction: 'how far the change log was compacted',
  replica_positions: 'how far each worker’s replica has followed the change log (a random id per replica)',
  replica_seeds: 'replica seeds: the change-log position and embedder of a copy of a replica’s archive files',
  replica_seed_files: 'replica seeds: the size and checksum of each copied file',
  replica_seed_parts: 'replica seeds: the archive files’ bytes, with every table of reader data emptied first (writeReplicaArchiveCopy)',
  embedding_jobs: 'articles waiting for vectors',
  embedding_job_articles: 'articles waiting for vectors',
  meta: 'archive settings and counters',
  feed_states: 'feed URLs and the items seen in them',
  ingest_checkpoints: 'paths of ingested files and how far their ingest got',
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
/**
 * Columns that name a chat by its Telegram id or name on purpose: the chats a digest is delivered to (erased for a
 * reader's private chat). Anywhere else a chat or a reader is a keyed hash (`…_hash`), never an id.
 */
const PLAIN_CHAT_COLUMNS: Record<string, string> = {
  'subscriptions.chat_id': 'the digest is sent to it',
  'subscriptions.username': 'the chat’s public @name, by which a channel is addressed',
  'sent_digests.chat_id': 'which chat got the digest of a day',
  'digest_deliveries.chat_id': 'which chat got the digest of a day (PostgreSQL)',
  'follows.chat_id': 'alerts about a followed topic are sent to it',
  'follow_alerts.chat_id': 'which chat got an alert about an article (sent once)',
};
/** A column naming a chat or a user, but as a keyed hash or as the kind of chat. */
const NAMES_CHAT_OR_USER = /chat|user/i;
const NOT_AN_ID = /_hash$|^chat_type$/;
/**
 * What the chat memory keeps per row, each erased with its row by /forget: buttons ("more results", another story:
 * `article_id`) and follow-up contexts (`subject`, the name the last answer gave). A column added to these tables fails
 * here until it is listed, as a keyed hash or as reader data erased with the row.
 */
const CHAT_MEMORY_COLUMNS: Record<string, string[]> = {
  remembered_questions: ['key', 'chat_hash', 'reader_hash', 'reader_only', 'question', 'shown_article_ids', 'article_id', 'created_at'],
  listed_articles: ['chat_hash', 'article_ids', 'updated_at'],
  conversation_contexts: ['chat_hash', 'reader_hash', 'question', 'article_ids', 'at', 'subject'],
};

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
  const plainIds = [...tables].flatMap(([table, columns]) =>
    columns.filter((column) => NAMES_CHAT_OR_USER.test(column) && !NOT_AN_ID.test(column)).map((column) => `${table}.${column}`),
  );
  expect(
    plainIds.filter((column) => !(column in PLAIN_CHAT_COLUMNS)),
    'columns naming a chat or user other than by a keyed hash',
  ).toEqual([]);
  for (const [table, columns] of Object.entries(CHAT_MEMORY_COLUMNS)) expect(tables.get(table), `${table}'s columns`).toEqual(columns);
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
