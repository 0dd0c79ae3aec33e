// A new worker's replica opened from a replica seed (another replica's files, published to PostgreSQL) instead of
// built from rows: on an embedded PostgreSQL, with the real SQLite replica and HNSW index on disk.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ArticleChangeReader } from '../../../src/store/article-change-reader.js';
import type { PostgresStore } from '../../../src/store/postgres/open-postgres-store.js';
import { PostgresReplicaPositions } from '../../../src/store/postgres/postgres-replica-positions.js';
import { PostgresReplicaSeeds } from '../../../src/store/postgres/postgres-replica-seeds.js';
import { compactChangeLog } from '../../../src/store/postgres/compact-change-log.js';
import { REPLICA_TABLES, replicaId } from '../../../src/store/sqlite/sqlite-replica-writes.js';
import { SQLITE_SCHEMA_VERSION } from '../../../src/store/sqlite/migrations.js';
import { publishReplicaSeed, type PublishReplicaSeedResult } from '../../../src/pipeline/replica/publish-replica-seed.js';
import { seedReplicaHome } from '../../../src/pipeline/replica/seed-replica-home.js';
import { createLogger } from '../../../src/log/logger.js';
import { makeArticle } from '../../helpers/open-test-archive.js';
import { INGEST_EMBEDDER, expectEqualToDatabase, ingest, openReplica, readerOf, type TestReplica, usePostgresReplicas } from './replica-fixtures.js';

const { openStore, newHome } = usePostgresReplicas();
const logger = createLogger('silent');
const EMBEDDER = { id: INGEST_EMBEDDER.id, dimensions: INGEST_EMBEDDER.dimensions };
/** Words a reader asked, kept in the publishing replica's file: they must not travel with the seed. */
const READER_WORDS = 'READER-QUESTION-MARKER-52f1';

function story(n: number, extra = ''): ReturnType<typeof makeArticle> {
  return makeArticle(`seed-story-${String(n).padStart(3, '0')}`, `第${n}号消息`, [`湘潭第${n}号消息的正文，说的是第${n}件事。${extra}`], { date: '2026-05-02' });
}

/** Chinese characters of its own for story `n`: the hash embedder reads Chinese characters (not digits), so many stories need them to get vectors of their own. */
function distinctWords(n: number): string {
  return Array.from({ length: 6 }, (_, k) => String.fromCodePoint(0x4e00 + ((n * 131 + k * 977) % 20000))).join('');
}

/** The store's reader, except that a snapshot copy fails the test: a seeded replica must not need one. */
function readerWithoutSnapshots(store: PostgresStore): ArticleChangeReader {
  return readerOf(store, { readSnapshot: () => Promise.reject(new Error('a seeded replica read a row snapshot')) });
}

/** A live replica that caught up with the store and holds some reader data in its file, as a serving worker's does. */
async function publishingReplica(store: PostgresStore, segmentVectors?: number): Promise<TestReplica> {
  const replica = openReplica(newHome(), store.reader, store.notifier, { positions: new PostgresReplicaPositions(store.pool), heartbeatIntervalMs: 0, segmentVectors });
  await replica.follower.catchUp();
  replica.database
    .prepare('INSERT INTO remembered_questions (key, chat_hash, reader_hash, reader_only, question, shown_article_ids, created_at) VALUES (?, ?, ?, 0, ?, ?, ?)')
    .run('k1', 'chat-hash-1', 'reader-hash-1', `${READER_WORDS} 株洲的天气`, '[]', Date.now());
  replica.database.prepare(`INSERT INTO meta (key, value) VALUES ('reader_note', ?)`).run(READER_WORDS);
  return replica;
}

/** Publishes `source` as a seed (parts of `partBytes`, small ones by default so files take several). */
function publish(store: PostgresStore, source: TestReplica, partBytes = 4096): Promise<PublishReplicaSeedResult> {
  return publishReplicaSeed({
    database: source.database,
    index: source.index,
    withoutChanges: (work) => source.follower.withoutChanges(work),
    seeds: new PostgresReplicaSeeds(store.pool, { partBytes }),
    embedder: EMBEDDER,
    workDir: newHome(),
    logger,
  });
}

/** A replica that catches up, publishes a seed, and closes. */
async function publishOnce(store: PostgresStore): Promise<PublishReplicaSeedResult> {
  const source = await publishingReplica(store);
  try {
    return await publish(store, source);
  } finally {
    await source.close();
  }
}

/** The home's replica, opened after a seed was refused, builds from a row snapshot and ends equal to the database. */
async function expectBuiltFromRows(store: PostgresStore, home: string): Promise<void> {
  const replica = openReplica(home, store.reader, store.notifier);
  try {
    expect(await replica.follower.catchUp()).toMatchObject({ fromSnapshot: true });
    await expectEqualToDatabase(replica, store);
  } finally {
    await replica.close();
  }
}

function seedHome(store: PostgresStore, home: string, embedder = EMBEDDER) {
  return seedReplicaHome({
    // Slices smaller than the parts and not aligned with them: a part is read in several.
    seeds: new PostgresReplicaSeeds(store.pool, { readSliceBytes: 1000 }),
    databaseFile: path.join(home, 'newsbot.db'),
    indexDir: path.join(home, 'index'),
    embedder,
    schemaVersion: SQLITE_SCHEMA_VERSION,
    logger,
  });
}

describe('replica seeds', () => {
  it('a new replica opens from the seed, then follows the writes made after its position from the log', async () => {
    const store = await openStore();
    await ingest(store, [story(1), story(2), story(3), story(4)]);
    const source = await publishingReplica(store);
    const sourceId = replicaId(source.database);
    let published: PublishReplicaSeedResult;
    try {
      published = await publish(store, source);
    } finally {
      await source.close();
    }
    // After the seed: a new story, a correction, a removal; the new worker gets them from the log.
    await ingest(store, [story(5), story(2, '更正：事情发生在周三。')]);
    const head = (await store.writer.removeArticles([story(3).id])).position ?? 0;
    expect(published.position).toBeLessThan(head);

    const home = newHome();
    expect(await seedHome(store, home)).toMatchObject({ seeded: true, seedId: published.seedId, position: published.position });
    const replica = openReplica(home, readerWithoutSnapshots(store), store.notifier);
    try {
      expect(replica.follower.status()).toMatchObject({ ready: true, position: published.position });
      expect(await replica.follower.catchUp()).toMatchObject({ fromSnapshot: false, changes: 3, removed: 1, position: head });
      await expectEqualToDatabase(replica, store);
      expect(replica.articles.keywordSearch('周三', 5).length).toBeGreaterThan(0);
      expect(replica.articles.keywordSearch('湘潭', 5).length).toBeGreaterThan(0);
      // Its own id, not the publisher's.
      expect(replicaId(replica.database)).not.toBe(sourceId);
    } finally {
      await replica.close();
    }
  });

  it('a seed carries every segment of a segmented index: the new worker searches the sealed segments and follows the log', async () => {
    const store = await openStore();
    // A bound of 20 vectors: the publisher's index has several segments, sealed ones with their labels files.
    await ingest(
      store,
      Array.from({ length: 70 }, (_, n) => story(n + 1, distinctWords(n + 1))),
    );
    const source = await publishingReplica(store, 20);
    let published: PublishReplicaSeedResult;
    try {
      expect(source.index.segmentCount()).toBeGreaterThanOrEqual(3);
      published = await publish(store, source);
    } finally {
      await source.close();
    }
    const names = (await new PostgresReplicaSeeds(store.pool).newest())!.files.map((file) => file.name);
    await ingest(store, [story(71, distinctWords(71))]);
    const head = (await store.writer.removeArticles([story(2).id])).position ?? 0;

    const home = newHome();
    expect(await seedHome(store, home)).toMatchObject({ seeded: true, seedId: published.seedId });
    const replica = openReplica(home, readerWithoutSnapshots(store), store.notifier, { segmentVectors: 20 });
    try {
      expect(replica.index.segmentCount()).toBeGreaterThanOrEqual(3);
      // Opened as saved: no segment started empty.
      expect(replica.index.rebuiltFromScratch).toBe(false);
      expect(await replica.follower.catchUp()).toMatchObject({ fromSnapshot: false, position: head });
      // Every chunk's vector is found, those of the sealed segments included, and the count is the database's.
      await expectEqualToDatabase(replica, store);
    } finally {
      await replica.close();
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'newsbot.db',
        'index/segments.json',
        'index/vectors.hnsw',
        'index/manifest.json',
        'index/segment-000001/vectors.hnsw',
        'index/segment-000001/labels.u32',
      ]),
    );
  });

  it('a seed published before seeds carried every segment (no index/segments.json) is not used: the replica is built from rows', async () => {
    const store = await openStore();
    await ingest(store, [story(1), story(2)]);
    await publishOnce(store);
    await store.pool.query(`DELETE FROM replica_seed_files WHERE name = 'index/segments.json'`);
    const home = newHome();
    expect(await seedHome(store, home)).toMatchObject({ seeded: false, reason: expect.stringContaining('index/segments.json') });
    await expectBuiltFromRows(store, home);
  });

  it('a seed file named outside the download directory is refused and nothing is written there', async () => {
    const store = await openStore();
    await ingest(store, [story(1)]);
    const { seedId } = await publishOnce(store);
    const emptySha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    await store.pool.query(`INSERT INTO replica_seed_files (seed_id, name, bytes, sha256) VALUES ($1, '../escaped.txt', 0, $2)`, [seedId, emptySha256]);
    const home = newHome();
    expect(await seedHome(store, home)).toMatchObject({ seeded: false, reason: expect.stringContaining('../escaped.txt') });
    expect(fs.existsSync(path.join(home, 'escaped.txt'))).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(home), 'escaped.txt'))).toBe(false);
    expect(fs.readdirSync(home).filter((name) => !name.startsWith('.'))).toEqual([]);
    await expectBuiltFromRows(store, home);
  });

  it('the copies hold following, not the process: a write caught up meanwhile waits, and the seed keeps the position it copied', async () => {
    const store = await openStore();
    await ingest(store, [story(1), story(2)]);
    const source = await publishingReplica(store);
    const before = source.follower.status().position;
    let copying = false;
    let turnedWhileCopying = false;
    let caughtUp: Promise<unknown> | null = null;
    let published: PublishReplicaSeedResult;
    try {
      published = await publishReplicaSeed({
        database: source.database,
        index: source.index,
        withoutChanges: (work) =>
          source.follower.withoutChanges(async () => {
            // A write committed in PostgreSQL while the copies are made, and a catch-up asked for at once.
            await ingest(store, [story(3)]);
            caughtUp = source.follower.catchUp();
            copying = true;
            setImmediate(() => {
              turnedWhileCopying = copying;
            });
            try {
              return await work();
            } finally {
              copying = false;
            }
          }),
        seeds: new PostgresReplicaSeeds(store.pool),
        embedder: EMBEDDER,
        workDir: newHome(),
        logger,
      });
      // The event loop ran while the archive was being copied (on a thread of its own).
      expect(turnedWhileCopying).toBe(true);
      expect(published.position).toBe(before);
      // The catch-up asked for during the copies applies the write once they are made.
      await caughtUp;
      expect(source.follower.status().position).toBeGreaterThan(before);
    } finally {
      await source.close();
    }
    // The seed is whole at its position: a worker opened from it follows the write from the log.
    const home = newHome();
    expect(await seedHome(store, home)).toMatchObject({ seeded: true, position: before });
    const replica = openReplica(home, readerWithoutSnapshots(store), store.notifier);
    try {
      expect(await replica.follower.catchUp()).toMatchObject({ fromSnapshot: false, upserted: 1 });
      await expectEqualToDatabase(replica, store);
    } finally {
      await replica.close();
    }
  });

  it('ships the archive tables only: no reader data in any table, in meta or anywhere in the file', async () => {
    const store = await openStore();
    await ingest(store, [story(1), story(2)]);
    const source = await publishingReplica(store);
    const sourceTables = source.database.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    const sourceId = replicaId(source.database);
    const seeds = new PostgresReplicaSeeds(store.pool);
    try {
      await publish(store, source);
    } finally {
      await source.close();
    }
    const downloaded = newHome();
    await seeds.download((await seeds.newest())!, downloaded);
    const file = path.join(downloaded, 'newsbot.db');
    expect(fs.readFileSync(file).includes(Buffer.from(READER_WORDS))).toBe(false);
    expect(fs.readFileSync(file).includes(Buffer.from(sourceId))).toBe(false);
    const copy = new Database(file, { readonly: true });
    try {
      const readerTables = sourceTables.filter((table) => !REPLICA_TABLES.includes(table) && !table.startsWith('chunks_fts'));
      expect(readerTables).toContain('remembered_questions');
      expect(readerTables).toContain('question_log');
      for (const table of readerTables) expect(copy.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(), table).toBe(0);
      expect(copy.prepare('SELECT key FROM meta ORDER BY key').pluck().all()).toEqual(['last_ingest_at', 'replica_position']);
      expect(copy.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2);
    } finally {
      copy.close();
    }
  });

  it('a corrupt seed (bytes not as published) is ignored: the replica is built from rows and ends equal to the database', async () => {
    const store = await openStore();
    await ingest(store, [story(1), story(2), story(3)]);
    await publishOnce(store);
    // One byte of the database's first part flipped.
    await store.pool.query(`UPDATE replica_seed_parts SET bytes = set_byte(bytes, 200, (get_byte(bytes, 200) + 1) % 256) WHERE name = 'newsbot.db' AND part = 0`);
    await ingest(store, [story(4)]);
    const home = newHome();
    const seeded = await seedHome(store, home);
    expect(seeded).toMatchObject({ seeded: false, reason: expect.stringContaining('SHA-256') });
    expect(fs.readdirSync(home).filter((name) => !name.startsWith('.'))).toEqual([]);
    await expectBuiltFromRows(store, home);
  });

  it('a seed of another embedding model is not used: the replica is built from rows', async () => {
    const store = await openStore();
    await ingest(store, [story(1), story(2)]);
    await publishOnce(store);
    const home = newHome();
    expect(await seedHome(store, home, { id: 'another-model', dimensions: EMBEDDER.dimensions })).toMatchObject({
      seeded: false,
      reason: expect.stringContaining('another-model'),
    });
    expect(fs.existsSync(path.join(home, 'newsbot.db'))).toBe(false);
    await expectBuiltFromRows(store, home);
  });

  it('compaction keeps the log rows a kept seed needs, and drops a seed older than its window', async () => {
    const store = await openStore();
    await ingest(store, [story(1)]);
    const source = await publishingReplica(store);
    try {
      const { position } = await publish(store, source);
      await ingest(store, [story(2)]);
      const head = (await ingest(store, [story(3)])).position;
      // The only live replica is at the head; the seed, behind it, holds the log.
      expect((await source.follower.catchUp()).position).toBe(head);
      expect(await compactChangeLog(store.pool)).toMatchObject({ compactedThrough: position, liveReplicas: 1, keptSeeds: 1 });
      const kept = (await store.pool.query<{ position: string }>('SELECT position FROM change_log ORDER BY position')).rows.map((row) => Number(row.position));
      expect(kept.length).toBeGreaterThanOrEqual(2);
      expect(kept.every((logged) => logged > position)).toBe(true);
      // A worker seeded now still finds every change after the seed.
      const home = newHome();
      expect(await seedHome(store, home)).toMatchObject({ seeded: true });
      const seededReplica = openReplica(home, readerWithoutSnapshots(store), store.notifier);
      try {
        expect(await seededReplica.follower.catchUp()).toMatchObject({ fromSnapshot: false, position: head });
        await expectEqualToDatabase(seededReplica, store);
      } finally {
        await seededReplica.close();
      }
      // Past its window the seed is deleted and no longer holds the log back.
      expect(await compactChangeLog(store.pool, { seedsKeptWithinMs: 0 })).toMatchObject({ compactedThrough: head, keptSeeds: 0 });
      expect(await new PostgresReplicaSeeds(store.pool).newest()).toBeNull();
    } finally {
      await source.close();
    }
  });

  it('a newer seed replaces the older one (parts included)', async () => {
    const store = await openStore();
    await ingest(store, [story(1)]);
    const source = await publishingReplica(store);
    const seeds = new PostgresReplicaSeeds(store.pool);
    try {
      const first = await publish(store, source);
      await ingest(store, [story(2)]);
      await source.follower.catchUp();
      const second = await publish(store, source);
      expect(second.position).toBeGreaterThan(first.position);
      expect((await seeds.newest())?.id).toBe(second.seedId);
      const { rows } = await store.pool.query<{ seed_id: string }>('SELECT DISTINCT seed_id FROM replica_seed_parts UNION SELECT id FROM replica_seeds');
      expect(rows.map((row) => Number(row.seed_id))).toEqual([second.seedId]);
    } finally {
      await source.close();
    }
  });
});
