// The embedding queue's lease rules on a real PostgreSQL: a completion after the lease passed to another
// worker writes nothing; a late completion nobody took over is harmless; a removal beats a queued version;
// an older job never replaces what a newer one wrote.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { createPostgresPool } from '../../../src/store/postgres/create-postgres-pool.js';
import { runPostgresMigrations } from '../../../src/store/postgres/run-postgres-migrations.js';
import { PostgresEmbeddingQueue } from '../../../src/store/postgres/postgres-embedding-queue.js';
import { PostgresArticleWriter } from '../../../src/store/postgres/postgres-article-writer.js';
import type { QueuedArticle } from '../../../src/store/embedding-queue.js';
import type pg from 'pg';

let server: PostgresServer;
let pool: pg.Pool;
let queue: PostgresEmbeddingQueue;
let writer: PostgresArticleWriter;

function queued(id: string, text: string, chunks = 2): QueuedArticle {
  return {
    article: { id, title: id, subtitle: null, paragraphs: [text], date: '2026-04-20', url: null, authors: [], section: null, source: 'test', photoCaption: null, position: 0 },
    contentHash: `hash-${text}`,
    chunks: Array.from({ length: chunks }, (_, ordinal) => ({ articleId: id, ordinal, text: `${text} ${ordinal}`, heading: id }) as QueuedArticle['chunks'][number]),
  };
}

const vectors = (count: number, value: number) => Array.from({ length: count }, () => new Float32Array([value, value, value]));

async function count(sql: string, values: unknown[] = []): Promise<number> {
  return Number((await pool.query<{ count: string }>(sql, values)).rows[0]!.count);
}

beforeAll(async () => {
  server = await startPostgresServer();
  pool = createPostgresPool({ connectionString: await server.createDatabase() });
  await runPostgresMigrations(pool);
  queue = new PostgresEmbeddingQueue({ pool, embedderId: 'test', dimensions: 3 });
  writer = new PostgresArticleWriter({ pool, embedderId: 'test', dimensions: 3 });
}, 30_000);

afterAll(async () => {
  await pool?.end();
  await server?.close();
});

it('refuses a completion whose lease passed to another worker, and writes the job once', async () => {
  await queue.enqueue([queued('lease-a', 'one')]);
  const first = (await queue.take('worker-1', 50))!;
  expect(await queue.take('worker-2', 50)).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, 80));
  expect(await queue.renew(first.id, 'worker-1', 50)).toBe(true); // expired but not taken over: still its own
  await new Promise((resolve) => setTimeout(resolve, 80));
  const second = (await queue.take('worker-2', 10_000))!;
  expect(second).toMatchObject({ id: first.id, attempts: 2 });
  expect(await queue.renew(first.id, 'worker-1', 50)).toBe(false);
  expect(await queue.complete(second, 'worker-2', vectors(2, 2))).toEqual({ status: 'committed', articles: 1, chunks: 2 });
  expect(await queue.complete(first, 'worker-1', vectors(2, 1))).toEqual({ status: 'lease-lost' });
  expect(await count("SELECT count(*) FROM change_log WHERE article_id = 'lease-a'")).toBe(1);
  const stored = await pool.query<{ vector: Buffer }>("SELECT vector FROM chunks WHERE article_id = 'lease-a'");
  expect(stored.rows.map((row) => new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + 12))[0])).toEqual([2, 2]);
});

it('counts queued versions as written, drops a queued version of a removed article, and keeps the newest version', async () => {
  const older = await queue.enqueue([queued('versioned', 'old'), queued('retracted', 'gone')]);
  const newer = await queue.enqueue([queued('versioned', 'new', 3)]);
  expect(await writer.articleHashes(['versioned', 'retracted'])).toEqual(
    new Map([
      ['versioned', 'hash-new'],
      ['retracted', 'hash-gone'],
    ]),
  );
  await writer.removeArticles(['retracted']);
  const takeNewer = (await queue.take('worker', 10_000))!;
  const takeOlder = (await queue.take('worker', 10_000))!;
  expect([takeNewer.id, takeOlder.id].sort()).toEqual([older, newer].sort());
  const [newJob, oldJob] = takeNewer.id === newer ? [takeNewer, takeOlder] : [takeOlder, takeNewer];
  expect(await queue.complete(newJob, 'worker', vectors(3, 3))).toEqual({ status: 'committed', articles: 1, chunks: 3 });
  expect(await queue.complete(oldJob, 'worker', vectors(4, 1))).toEqual({ status: 'committed', articles: 0, chunks: 0 });
  expect(await count("SELECT count(*) FROM chunks WHERE article_id = 'versioned'")).toBe(3);
  expect(await count("SELECT count(*) FROM articles WHERE id = 'retracted'")).toBe(0);
  expect((await queue.progress(older, newer)).doneChunks).toBe(7);
});
