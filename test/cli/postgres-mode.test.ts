// The CLI with DATABASE_URL set, in-process on a real PostgreSQL: every command works against it as against a
// home, eval never writes into the production database, and the password never reaches the output.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { openHnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { createPostgresPool } from '../../src/store/postgres/create-postgres-pool.js';
import { compactChangeLog } from '../../src/store/postgres/compact-change-log.js';
import { SAMPLE_PAGE, runCli, temporaryHome } from '../helpers/run-cli.js';

let server: PostgresServer;
let databaseUrl: string;
const homes: string[] = [];

function home(): string {
  const created = temporaryHome('newsbot-pg-cli-');
  homes.push(created);
  return created;
}

async function query<T extends pg.QueryResultRow>(sql: string, connectionString = databaseUrl): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startPostgresServer();
  databaseUrl = await server.createDatabase();
}, 30_000);

afterAll(async () => {
  await server?.close();
  for (const created of homes) fs.rmSync(created, { recursive: true, force: true });
});

describe('newsbot with DATABASE_URL', () => {
  it('refuses a DATABASE_URL that is not postgres:// without echoing it', async () => {
    const run = await runCli(['ask', '你好'], { NEWSBOT_HOME: home(), DATABASE_URL: 'mysql://admin:hunter2-secret@db/newsbot' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL');
    expect(run.stderr).toContain('postgres://');
    expect(run.stderr).not.toContain('hunter2-secret');
  });

  it('serve in webhook mode asks for one WEBHOOK_SECRET and one QUESTION_LOG_SECRET shared by every worker, before anything starts', async () => {
    const run = await runCli(['serve'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: '123:abc', WEBHOOK_URL: 'https://bot.example.org/hook' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('WEBHOOK_SECRET is required with DATABASE_URL and WEBHOOK_URL');
    expect(run.stderr).toContain('QUESTION_LOG_SECRET is required with DATABASE_URL');
  });

  it('names PostgreSQL, without the password, when it is unreachable and the replica is empty', async () => {
    const url = new URL(databaseUrl);
    url.port = '1';
    const run = await runCli(['ask', '你好'], { NEWSBOT_HOME: home(), DATABASE_URL: url.toString() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not reach PostgreSQL at postgres://postgres:***@127.0.0.1:1/');
    expect(run.stderr).not.toContain(url.password);
  });

  it('streams a JSON Lines file into PostgreSQL and keeps its checkpoint there: another home skips what is committed', async () => {
    const folder = home();
    const file = path.join(folder, 'export.jsonl');
    const record = (index: number) => JSON.stringify({ id: `pg-jsonl-${index}`, title: `第${index}号通告`, body: `湘江沿岸第${index}处工程今天开工。` });
    fs.writeFileSync(file, `${Array.from({ length: 30 }, (_, index) => record(index + 1)).join('\n')}\n{"title": 1}\n`);
    const first = await runCli(['ingest', file, '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
    expect(first.code, first.stderr).toBe(1);
    expect(first.json().articles).toMatchObject({ added: 30, failed: 1 });
    expect(first.json().errors[0].source).toBe(`${file}#31`);
    const [checkpoint] = await query<{ byte_offset: string; line_number: string }>('SELECT byte_offset, line_number FROM ingest_checkpoints');
    expect([Number(checkpoint!.byte_offset), Number(checkpoint!.line_number)]).toEqual([fs.statSync(file).size, 31]);

    const again = await runCli(['ingest', file, '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ articles: { added: 0, unchanged: 0, failed: 0 }, resumed: [{ source: file, line: 31 }] });
    await runCli(['remove', ...Array.from({ length: 30 }, (_, index) => `pg-jsonl-${index + 1}`)], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
  });

  it('ingest writes to PostgreSQL; ask, search, check, digest and remove work from other homes', async () => {
    const ingest = await runCli(['ingest', SAMPLE_PAGE, '--date', '2026-04-23', '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
    expect(ingest.code, ingest.stderr).toBe(0);
    const { articles, chunks } = ingest.json();
    expect(articles.added).toBeGreaterThan(3);
    const { count } = (await query<{ count: string }>('SELECT count(*) AS count FROM chunks'))[0]!;
    expect(Number(count)).toBe(chunks);

    const again = await runCli(['ingest', SAMPLE_PAGE, '--date', '2026-04-23', '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
    expect(again.json().articles).toMatchObject({ added: 0, updated: 0, unchanged: articles.added });

    const env = { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl };
    const ask = await runCli(['ask', '株洲有几个国家中小企业特色产业集群？'], env);
    expect(ask.stdout).toContain('3个');
    const search = await runCli(['search', '产业集群', '--json'], env);
    expect(search.code).toBe(0);
    expect(JSON.stringify(search.json())).toContain('产业集群');
    expect((await runCli(['check', '株洲有3个国家中小企业特色产业集群'], env)).code).toBe(0);
    const digest = await runCli(['digest', '--date', '2026-04-23', '--json'], env);
    expect(digest.code, digest.stderr).toBe(0);

    const { id } = (await query<{ id: string }>('SELECT id FROM articles ORDER BY id LIMIT 1'))[0]!;
    const remove = await runCli(['remove', id, '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
    expect(remove.json()).toEqual({ removed: 1, notFound: [] });
    expect(await query(`SELECT id FROM articles WHERE id = '${id}'`)).toEqual([]);
    // The earlier home follows the removal on its next start.
    expect((await runCli(['search', '产业集群', '--json'], env)).stdout).not.toContain(`"articleId":"${id}"`);
  }, 30_000);

  it('a new home copies a snapshot, so it answers even once the change log was compacted to nothing', async () => {
    const connectionString = await server.createDatabase();
    const ingest = await runCli(['ingest', SAMPLE_PAGE, '--date', '2026-04-23', '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: connectionString });
    expect(ingest.code, ingest.stderr).toBe(0);
    // The ingesting home's replica recorded its position: the only live one, so every row goes.
    const pool = createPostgresPool({ connectionString });
    try {
      expect(await compactChangeLog(pool)).toMatchObject({ liveReplicas: 1, deleted: expect.any(Number) });
      expect((await pool.query('SELECT position FROM change_log')).rows).toEqual([]);
    } finally {
      await pool.end();
    }
    const ask = await runCli(['ask', '株洲有几个国家中小企业特色产业集群？'], { NEWSBOT_HOME: home(), DATABASE_URL: connectionString });
    expect(ask.code, ask.stderr).toBe(0);
    expect(ask.stdout).toContain('3个');
  }, 30_000);

  it('answers from an existing replica when PostgreSQL is down at start; an empty one fails clearly', async () => {
    const replica = home();
    const env = { NEWSBOT_HOME: replica, DATABASE_URL: databaseUrl };
    expect((await runCli(['ask', '株洲有几个国家中小企业特色产业集群？'], env)).stdout).toContain('3个');
    await server.stop();
    try {
      const offline = await runCli(['ask', '株洲有几个国家中小企业特色产业集群？'], env);
      expect(offline.code, offline.stderr).toBe(0);
      expect(offline.stdout).toContain('3个');
      const empty = await runCli(['ask', '株洲有几个国家中小企业特色产业集群？'], { ...env, NEWSBOT_HOME: home() });
      expect(empty.code).toBe(1);
      expect(empty.stderr).toContain('could not reach PostgreSQL');
    } finally {
      await server.start();
    }
  }, 30_000);

  it('reindex rebuilds the replica index from PostgreSQL vectors (none embedded again with the same model)', async () => {
    const env = { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl };
    const { count } = (await query<{ count: string }>('SELECT count(*) AS count FROM chunks'))[0]!;
    const run = await runCli(['reindex', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ chunks: Number(count), reembedded: { articles: 0, chunks: 0 } });
  }, 30_000);

  it('eval runs in a throwaway database, dropped afterwards; production is untouched', async () => {
    const squad = path.join(home(), 'squad.json');
    const context = '湘江轮渡航线今天恢复运营，每天开行42个班次，票价2元。';
    fs.writeFileSync(
      squad,
      JSON.stringify({
        data: [
          {
            title: '轮渡',
            paragraphs: [{ id: 'p1', context, qas: [{ id: 'q1', question: '湘江轮渡每天开行多少个班次？', answers: [{ text: '42个', answer_start: context.indexOf('42个') }] }] }],
          },
        ],
      }),
    );
    const before = await query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM articles ORDER BY id');
    const databasesBefore = await query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY datname');
    const run = await runCli(['eval', squad, '--json'], { NEWSBOT_HOME: home(), DATABASE_URL: databaseUrl });
    expect(run.code, run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ questions: 1 });
    expect(await query('SELECT id, content_hash FROM articles ORDER BY id')).toEqual(before);
    expect(await query('SELECT datname FROM pg_database ORDER BY datname')).toEqual(databasesBefore);
  }, 30_000);

  it('migrate --to copies a SQLite archive with the HNSW vectors, resumably; a worker then answers from PostgreSQL', async () => {
    const source = home();
    expect((await runCli(['ingest', SAMPLE_PAGE, '--date', '2026-04-23'], { NEWSBOT_HOME: source })).code).toBe(0);
    // A subscribed chat, one unsubscribed, and a digest already sent: none may be lost or sent again after the move.
    const archiveFile = new Database(path.join(source, 'newsbot.db'));
    archiveFile.exec(`
      INSERT INTO subscriptions VALUES ('-100', 'Readers', NULL, 'supergroup', 'command', 1, NULL, '2026-04-01T00:00:00.000Z', '2026-04-02T00:00:00.000Z', '2026-04-02T00:00:00.000Z');
      INSERT INTO subscriptions VALUES ('-200', 'Gone', NULL, 'group', 'command', 0, 'unsubscribed', '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-04-03T00:00:00.000Z');
      INSERT INTO sent_digests (chat_id, date, state, sent_at, message_ids) VALUES ('-100', '2026-04-22', 'sent', '2026-04-22T00:00:05.000Z', '[5,6]');
      INSERT INTO pinned_answers (query_text, answer_text, article_id, created_at) VALUES ('爱心驿站在哪里？', '见各区公布的名单。', NULL, '2026-04-02T00:00:00.000Z');
    `);
    // An article updated in place keeps its day ("updated on") across the move.
    const updated = archiveFile.prepare('SELECT id FROM articles ORDER BY id LIMIT 1').pluck().get() as string;
    archiveFile.prepare("INSERT INTO article_revisions (article_id, updated_on) VALUES (?, '2026-04-20')").run(updated);
    archiveFile.close();
    const target = await server.createDatabase();
    const first = await runCli(['migrate', '--to', target, '--json'], { NEWSBOT_HOME: source });
    expect(first.code, first.stderr).toBe(0);
    const result = first.json();
    expect(result.copied).toBeGreaterThan(3);
    expect(result).toMatchObject({ skipped: 0, vectorsCopied: result.chunks, vectorsEmbedded: 0, state: { subscriptions: 2, sentDigests: 1, pins: 1 } });
    expect(await query('SELECT chat_id, active, disabled_reason, active_since FROM subscriptions ORDER BY chat_id', target)).toEqual([
      { chat_id: '-100', active: true, disabled_reason: null, active_since: new Date('2026-04-02T00:00:00.000Z') },
      { chat_id: '-200', active: false, disabled_reason: 'unsubscribed', active_since: new Date('2026-04-01T00:00:00.000Z') },
    ]);
    expect(await query('SELECT chat_id, date, state, message_ids FROM digest_deliveries', target)).toEqual([
      { chat_id: '-100', date: '2026-04-22', state: 'sent', message_ids: ['5', '6'] },
    ]);
    expect(await query('SELECT query_text, answer_text, article_id FROM pinned_answers', target)).toEqual([
      { query_text: '爱心驿站在哪里？', answer_text: '见各区公布的名单。', article_id: null },
    ]);

    expect(await query('SELECT article_id, updated_on FROM article_revisions', target)).toEqual([{ article_id: updated, updated_on: '2026-04-20' }]);

    // Each chunk's vector in PostgreSQL is the one the SQLite archive's HNSW index holds.
    const sqlite = new Database(path.join(source, 'newsbot.db'), { readonly: true });
    const local = sqlite.prepare('SELECT id, article_id, ordinal FROM chunks').all() as { id: number; article_id: string; ordinal: number }[];
    sqlite.close();
    const embedder = new HashEmbedder();
    const index = openHnswVectorIndex({ dir: path.join(source, 'index'), embedderId: embedder.id, dimensions: embedder.dimensions });
    const stored = await query<{ article_id: string; ordinal: number; vector: Buffer }>('SELECT article_id, ordinal, vector FROM chunks', target);
    expect(stored.length).toBe(local.length);
    for (const chunk of local) {
      const row = stored.find((item) => item.article_id === chunk.article_id && item.ordinal === chunk.ordinal)!;
      const copied = new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength));
      expect(Array.from(copied)).toEqual(Array.from(index.vector(chunk.id)!));
    }

    const again = await runCli(['migrate', '--to', target, '--json'], { NEWSBOT_HOME: source });
    expect(again.json()).toMatchObject({ copied: 0, skipped: result.copied, chunks: 0, state: { subscriptions: 0, sentDigests: 0, pins: 0 } });
    const ask = await runCli(['ask', '株洲有几个国家中小企业特色产业集群？'], { NEWSBOT_HOME: home(), DATABASE_URL: target });
    expect(ask.stdout).toContain('3个');
  }, 30_000);

  it('a standalone archive is not taken for a replica', async () => {
    const standalone = home();
    expect((await runCli(['ingest', SAMPLE_PAGE, '--date', '2026-04-23'], { NEWSBOT_HOME: standalone })).code).toBe(0);
    const run = await runCli(['ask', '你好'], { NEWSBOT_HOME: standalone, DATABASE_URL: databaseUrl });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('newsbot migrate --to');
  }, 30_000);
});
