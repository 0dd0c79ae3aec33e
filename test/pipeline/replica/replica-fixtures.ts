import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Article } from '../../../src/ingest/article.js';
import type { ArticleChangeReader } from '../../../src/store/article-change-reader.js';
import type { EmbedKind, Embedder } from '../../../src/embedding/embedder.js';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/open-postgres-store.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import type { WriteArticlesResult } from '../../../src/store/article-writer.js';
import { HashEmbedder } from '../../../src/embedding/hash-embedder.js';
import { chunkArticle } from '../../../src/chunking/chunk-article.js';
import { contentHash } from '../../../src/pipeline/content-hash.js';
import { embedChunks } from '../../../src/pipeline/embed-chunks.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { openSqliteArticleStore, type SqliteArticleStore } from '../../../src/store/sqlite/sqlite-article-store.js';
import { openHnswVectorIndex, type HnswVectorIndex } from '../../../src/store/hnsw/hnsw-vector-index.js';
import { createLogger } from '../../../src/log/logger.js';
import { ReplicaFollower, type ReplicaFollowerOptions } from '../../../src/pipeline/replica/replica-follower.js';
import { replicaBootstrapPending } from '../../../src/store/sqlite/sqlite-replica-writes.js';

/** The embedder ingest uses; replicas only ever copy its vectors. */
export const INGEST_EMBEDDER = new HashEmbedder({ dimensions: 64 });

/** Embeds queries like `inner`, records every call, and throws when asked to embed passages. */
export class PassageRefusingEmbedder implements Embedder {
  readonly calls: { kind: EmbedKind; count: number }[] = [];
  readonly id = INGEST_EMBEDDER.id;
  readonly dimensions = INGEST_EMBEDDER.dimensions;
  readonly maxBatchSize = INGEST_EMBEDDER.maxBatchSize;
  readonly maxConcurrency = INGEST_EMBEDDER.maxConcurrency;
  readonly semantic = INGEST_EMBEDDER.semantic;
  readonly maxInputChars = INGEST_EMBEDDER.maxInputChars;
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    this.calls.push({ kind, count: texts.length });
    if (kind === 'passage') return Promise.reject(new Error('a replica must copy vectors, not embed passages'));
    return INGEST_EMBEDDER.embed(texts, kind);
  }
}

/** A fresh NEWSBOT_HOME (removed by `cleanup`). */
export function temporaryHome(): { home: string; cleanup: () => void } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-replica-'));
  return { home, cleanup: () => fs.rmSync(home, { recursive: true, force: true }) };
}

/** What `newsbot ingest` will do in PostgreSQL mode: chunk, embed once, write. */
export async function ingest(store: PostgresStore, articles: readonly Article[]): Promise<WriteArticlesResult> {
  const batch = [];
  for (const article of articles) {
    const chunks = chunkArticle(article);
    batch.push({ article, contentHash: contentHash(article), chunks, vectors: await embedChunks(INGEST_EMBEDDER, chunks) });
  }
  return store.writer.writeArticles(batch);
}

/** A worker's local replica: its own write connection, a read store on the same file, the HNSW index, the follower. */
export interface TestReplica {
  readonly database: Database.Database;
  readonly articles: SqliteArticleStore;
  readonly index: HnswVectorIndex;
  readonly follower: ReplicaFollower;
  close(): Promise<void>;
}

export function openReplica(
  home: string,
  reader: ArticleChangeReader,
  notifier: ReplicaFollowerOptions['notifier'],
  options: Pick<ReplicaFollowerOptions, 'pollIntervalMs' | 'positions' | 'snapshotBatchArticles' | 'heartbeatIntervalMs'> & { resetIndex?: boolean; segmentVectors?: number } = {},
): TestReplica {
  const file = path.join(home, 'newsbot.db');
  const database = openSqliteDatabase(file);
  const articles = openSqliteArticleStore(file);
  const index = openHnswVectorIndex({
    dir: path.join(home, 'index'),
    embedderId: INGEST_EMBEDDER.id,
    dimensions: INGEST_EMBEDDER.dimensions,
    reset: options.resetIndex,
    segmentVectors: options.segmentVectors,
  });
  const follower = new ReplicaFollower({
    reader,
    notifier,
    database,
    index,
    embedderId: INGEST_EMBEDDER.id,
    logger: createLogger('silent'),
    // Long, so a test passing within it shows a notification (not a poll) did the work.
    pollIntervalMs: options.pollIntervalMs ?? 60_000,
    reconnectMinMs: 50,
    reconnectMaxMs: 200,
    positions: options.positions,
    snapshotBatchArticles: options.snapshotBatchArticles,
    heartbeatIntervalMs: options.heartbeatIntervalMs,
  });
  return {
    database,
    articles,
    index,
    follower,
    close: async () => {
      await follower.stop();
      index.save();
      articles.close();
      database.close();
    },
  };
}

/** Waits until `condition` holds, checking every 10 ms; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

/** What `usePostgresReplicas` gives a test file. */
export interface PostgresReplicaFixture {
  /** The file's embedded PostgreSQL (started before its tests). */
  server(): PostgresServer;
  /** The system of record on a fresh database of it (closed after the file). */
  openStore(): Promise<PostgresStore>;
  /** A fresh NEWSBOT_HOME (removed after the file). */
  newHome(): string;
}

/** One embedded PostgreSQL for the test file that calls it, a fresh database per store; everything removed after. */
export function usePostgresReplicas(): PostgresReplicaFixture {
  let server: PostgresServer | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    server = await startPostgresServer();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await server?.close();
  });
  return {
    server: () => server!,
    openStore: async () => {
      const store = await openPostgresStore({ connectionString: await server!.createDatabase(), embedderId: INGEST_EMBEDDER.id, dimensions: INGEST_EMBEDDER.dimensions });
      cleanups.push(() => store.close());
      return store;
    },
    newHome: () => {
      const { home, cleanup } = temporaryHome();
      cleanups.push(cleanup);
      return home;
    },
  };
}

/** The replica holds exactly PostgreSQL's articles and chunks, and the index exactly those chunks' vectors. */
export async function expectEqualToDatabase(replica: TestReplica, store: PostgresStore): Promise<void> {
  const articleIds = (await store.pool.query<{ id: string }>('SELECT id FROM articles ORDER BY id')).rows.map((row) => row.id);
  const chunks = (await store.reader.articlesWithChunks(articleIds)).flatMap((item) => item.chunks);
  const chunkIds = chunks.map((chunk) => chunk.id).sort((left, right) => left - right);
  expect(replica.database.prepare('SELECT id FROM articles ORDER BY id').pluck().all()).toEqual(articleIds);
  expect(replica.articles.allChunkIds()).toEqual(chunkIds);
  expect(replica.index.ids().sort((left, right) => left - right)).toEqual(chunkIds);
  for (const chunk of chunks) expect(replica.index.search(chunk.vector, 1)[0]?.id).toBe(chunk.id);
  // The full-text index holds the same chunks (rows of removed ones go with them).
  expect(replica.database.prepare('SELECT rowid FROM chunks_fts ORDER BY rowid').pluck().all()).toEqual(chunkIds);
  expect(replicaBootstrapPending(replica.database)).toBe(false);
}

/** The store's change reader with some of its methods replaced (to watch or to refuse them). */
export function readerOf(store: PostgresStore, overrides: Partial<ArticleChangeReader> = {}): ArticleChangeReader {
  return {
    changesAfter: (position, limit) => store.reader.changesAfter(position, limit),
    articlesWithChunks: (ids) => store.reader.articlesWithChunks(ids),
    chunkVectors: (ids) => store.reader.chunkVectors(ids),
    headPosition: () => store.reader.headPosition(),
    compactedThrough: () => store.reader.compactedThrough(),
    readSnapshot: (options) => store.reader.readSnapshot(options),
    ...overrides,
  };
}
