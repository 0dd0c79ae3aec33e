import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresPool } from '../../../src/store/postgres/create-postgres-pool.js';
import { POSTGRES_MIGRATIONS } from '../../../src/store/postgres/postgres-migrations.js';
import { PostgresSchemaVersionError, runPostgresMigrations } from '../../../src/store/postgres/run-postgres-migrations.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgresServer();
});

afterAll(async () => {
  await server?.close();
});

describe('runPostgresMigrations', () => {
  it('applies each migration once when two processes start at the same moment', async () => {
    const connectionString = await server.createDatabase();
    const first = createPostgresPool({ connectionString });
    const second = createPostgresPool({ connectionString });
    try {
      const results = await Promise.all([runPostgresMigrations(first), runPostgresMigrations(second)]);
      const latest = Math.max(...POSTGRES_MIGRATIONS.map((migration) => migration.version));
      expect(results.map((result) => result.version)).toEqual([latest, latest]);
      // One opener applied everything, the other found it done.
      expect(results.flatMap((result) => result.applied).sort()).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version).sort());
      const { rows } = await first.query<{ version: number; count: string }>('SELECT version, count(*) AS count FROM schema_migrations GROUP BY version ORDER BY version');
      expect(rows.map((row) => [row.version, Number(row.count)])).toEqual(POSTGRES_MIGRATIONS.map((migration) => [migration.version, 1]));
      const tables = await first.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([
          'articles',
          'change_log',
          'chunks',
          'schema_migrations',
          'subscriptions',
          'digest_deliveries',
          'feed_states',
          'remembered_questions',
          'listed_articles',
          'rate_limit_windows',
          'question_log',
          'answer_feedback',
          'question_log_secret',
        ]),
      );
      // A later start applies nothing.
      expect((await runPostgresMigrations(second)).applied).toEqual([]);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it('upgrades a database at version 6 (other-story buttons and contexts under plain Telegram ids): those rows go, the columns become hashes', async () => {
    const connectionString = await server.createDatabase();
    const pool = createPostgresPool({ connectionString });
    try {
      await runPostgresMigrations(
        pool,
        POSTGRES_MIGRATIONS.filter((migration) => migration.version <= 6),
      );
      await pool.query(
        `INSERT INTO remembered_questions (question, shown_article_ids, created_at, chat_id, user_id, article_id) VALUES ('q', '{}', 1, -100, 7356209841, 'south-attack')`,
      );
      await pool.query(`INSERT INTO conversation_contexts (chat_id, user_id, question, article_ids, at, subject) VALUES (7356209841, 7356209841, 'q', '{}', 1, '王晓梅')`);
      expect((await runPostgresMigrations(pool)).applied).toEqual(POSTGRES_MIGRATIONS.filter((migration) => migration.version > 6).map((migration) => migration.version));
      for (const table of ['remembered_questions', 'conversation_contexts']) {
        const { rows } = await pool.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
        expect(Number(rows[0]!.count), table).toBe(0);
      }
      const { rows: columns } = await pool.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name IN ('remembered_questions', 'conversation_contexts') AND column_name ~ '^(chat|user)_id$'",
      );
      expect(columns).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('applies a new migration appended later, and refuses a schema newer than it knows', async () => {
    const connectionString = await server.createDatabase();
    const pool = createPostgresPool({ connectionString });
    try {
      await runPostgresMigrations(pool);
      const next = { version: 1000, sql: 'CREATE TABLE later_state (id integer PRIMARY KEY)' };
      expect((await runPostgresMigrations(pool, [...POSTGRES_MIGRATIONS, next])).applied).toEqual([1000]);
      await expect(runPostgresMigrations(pool)).rejects.toBeInstanceOf(PostgresSchemaVersionError);
    } finally {
      await pool.end();
    }
  });
});
