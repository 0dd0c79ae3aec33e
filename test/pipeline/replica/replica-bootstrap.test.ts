// A replica built from a snapshot of PostgreSQL rather than by replaying the change log, and the log compacted behind
// the slowest live replica: on an embedded PostgreSQL, with the real SQLite replica and HNSW index.
import { describe, expect, it } from 'vitest';
import type { ArticleChangeReader, ReadSnapshotOptions } from '../../../src/store/article-change-reader.js';
import type { PostgresStore } from '../../../src/store/postgres/open-postgres-store.js';
import { PostgresReplicaPositions } from '../../../src/store/postgres/postgres-replica-positions.js';
import { compactChangeLog } from '../../../src/store/postgres/compact-change-log.js';
import { replicaBootstrapPending, replicaId } from '../../../src/store/sqlite/sqlite-replica-writes.js';
import { makeArticle } from '../../helpers/open-test-archive.js';
import { expectEqualToDatabase, ingest, readerOf, openReplica, usePostgresReplicas } from './replica-fixtures.js';

const { openStore, newHome } = usePostgresReplicas();

/** Story `n` of a numbered series, each with its own words so it is found by them. */
function story(n: number, extra = ''): ReturnType<typeof makeArticle> {
  return makeArticle(`story-${String(n).padStart(3, '0')}`, `第${n}号新闻`, [`株洲第${n}号新闻的正文，讲述城市第${n}件事情。${extra}`], { date: '2026-04-20' });
}

/** Every reader call passed to the store's reader, with the snapshot's batches handed to `onBatch` first. */
function readerAround(store: PostgresStore, onBatch: (batch: number) => Promise<void> | void): ArticleChangeReader {
  let batches = 0;
  return readerOf(store, {
    readSnapshot: (options: ReadSnapshotOptions) =>
      store.reader.readSnapshot({
        ...options,
        onBatch: async (articles) => {
          batches += 1;
          await onBatch(batches);
          await options.onBatch(articles);
        },
      }),
  });
}

async function changeLogPositions(store: PostgresStore): Promise<number[]> {
  return (await store.pool.query<{ position: string }>('SELECT position FROM change_log ORDER BY position')).rows.map((row) => Number(row.position));
}

describe('replica bootstrap from a snapshot', () => {
  it('copies the articles of a snapshot, then follows the writes made while it was read from its position', async () => {
    const store = await openStore();
    const before = await ingest(store, [story(1), story(2), story(3), story(4), story(5)]);
    let during: number | null = null;
    // After the first batch (one article) is read, PostgreSQL changes: a new story, a correction, a removal.
    const reader = readerAround(store, async (batch) => {
      if (batch !== 1) return;
      await ingest(store, [story(6), story(2, '更正：事情发生在周二。')]);
      during = (await store.writer.removeArticles([story(4).id])).position;
    });
    const replica = openReplica(newHome(), reader, store.notifier, { snapshotBatchArticles: 1 });
    try {
      const result = await replica.follower.catchUp();
      // The snapshot was at the position before the writes, which then came from the log.
      expect(result).toMatchObject({ fromSnapshot: true, changes: 3, position: during });
      expect(during).toBeGreaterThan(before.position);
      await expectEqualToDatabase(replica, store);
      expect(replica.articles.getArticle(story(4).id)).toBeNull();
      expect(replica.articles.getArticle(story(6).id)?.title).toBe(story(6).title);
      expect(replica.articles.keywordSearch('周二', 5).length).toBeGreaterThan(0);
      expect(replica.follower.status()).toMatchObject({ ready: true, position: during, behind: 0 });
    } finally {
      await replica.close();
    }
  });

  it('an interrupted copy leaves the replica marked incomplete; the next start copies again and ends equal', async () => {
    const store = await openStore();
    await ingest(store, [story(1), story(2), story(3)]);
    const home = newHome();
    const failing = openReplica(
      home,
      readerAround(store, (batch) => {
        if (batch === 2) throw new Error('connection lost');
      }),
      store.notifier,
      { snapshotBatchArticles: 1 },
    );
    try {
      await expect(failing.follower.catchUp()).rejects.toThrow('connection lost');
      expect(replicaBootstrapPending(failing.database)).toBe(true);
      expect(failing.follower.status()).toMatchObject({ ready: false, position: 0 });
    } finally {
      await failing.close();
    }
    await store.writer.removeArticles([story(1).id]);
    const retried = openReplica(home, store.reader, store.notifier);
    try {
      expect(await retried.follower.catchUp()).toMatchObject({ fromSnapshot: true });
      await expectEqualToDatabase(retried, store);
    } finally {
      await retried.close();
    }
  });
});

describe('change-log compaction', () => {
  it('removes the rows every live replica has applied and none a live replica still needs', async () => {
    const store = await openStore();
    const positions = new PostgresReplicaPositions(store.pool);
    const first = await ingest(store, [story(1)]);
    // Every catch-up records its position (the default spaces them by 5 s).
    const slow = openReplica(newHome(), store.reader, store.notifier, { positions, heartbeatIntervalMs: 0 });
    const fast = openReplica(newHome(), store.reader, store.notifier, { positions, heartbeatIntervalMs: 0 });
    try {
      await slow.follower.catchUp();
      await ingest(store, [story(2)]);
      await ingest(store, [story(3)]);
      const head = (await ingest(store, [story(4)])).position;
      await fast.follower.catchUp();
      expect(await changeLogPositions(store)).toHaveLength(4);

      const compacted = await compactChangeLog(store.pool);
      expect(compacted).toMatchObject({ compactedThrough: first.position, liveReplicas: 2, deleted: 1 });
      // Every row after the slow replica's position is still there for it.
      expect((await changeLogPositions(store)).every((position) => position > first.position)).toBe(true);
      expect(await changeLogPositions(store)).toHaveLength(3);
      expect(await store.reader.compactedThrough()).toBe(first.position);

      // The slow replica follows the remaining log (no snapshot), then both are at the head.
      expect(await slow.follower.catchUp()).toMatchObject({ fromSnapshot: false, changes: 3, position: head });
      await expectEqualToDatabase(slow, store);
      expect(await compactChangeLog(store.pool)).toMatchObject({ compactedThrough: head, deleted: 3 });
      // An empty log keeps its head: nobody is taken for ahead of PostgreSQL, and a new snapshot starts there.
      expect(await changeLogPositions(store)).toEqual([]);
      expect(await store.reader.headPosition()).toBe(head);
      expect(await fast.follower.catchUp()).toMatchObject({ fromSnapshot: false, changes: 0, position: head });
    } finally {
      await slow.close();
      await fast.close();
    }
  });

  it('with no live replica deletes nothing; stale registrations no longer hold the log back', async () => {
    const store = await openStore();
    const positions = new PostgresReplicaPositions(store.pool);
    await ingest(store, [story(1), story(2)]);
    expect(await compactChangeLog(store.pool)).toEqual({ deleted: 0, compactedThrough: 0, liveReplicas: 0, keptSeeds: 0 });
    await positions.record('stopped-worker', 1);
    await store.pool.query("UPDATE replica_positions SET heartbeat_at = now() - interval '2 hours'");
    const live = openReplica(newHome(), store.reader, store.notifier, { positions });
    try {
      const { position } = await live.follower.catchUp();
      expect(await compactChangeLog(store.pool)).toMatchObject({ compactedThrough: position, liveReplicas: 1 });
      expect((await store.pool.query('SELECT replica_id FROM replica_positions')).rows).toEqual([{ replica_id: replicaId(live.database) }]);
    } finally {
      await live.close();
    }
  });

  it('a replica whose position was compacted away rebuilds from a snapshot and ends equal to the database', async () => {
    const store = await openStore();
    const positions = new PostgresReplicaPositions(store.pool);
    await ingest(store, [story(1), story(2), story(3)]);
    const home = newHome();
    const behind = openReplica(home, store.reader, store.notifier, { positions });
    const held = (await behind.follower.catchUp()).position;
    await behind.close();
    // While it is stopped (longer than the live window): a correction, a removal, a new story.
    await ingest(store, [story(2, '更正：地点在河西。'), story(7)]);
    await store.writer.removeArticles([story(3).id]);
    await store.pool.query("UPDATE replica_positions SET heartbeat_at = now() - interval '2 hours'");
    const live = openReplica(newHome(), store.reader, store.notifier, { positions });
    const returned = openReplica(home, store.reader, store.notifier, { positions });
    try {
      const head = (await live.follower.catchUp()).position;
      expect(await compactChangeLog(store.pool)).toMatchObject({ compactedThrough: head, liveReplicas: 1 });
      expect(held).toBeLessThan(head);

      expect(returned.follower.status()).toMatchObject({ ready: true, position: held });
      expect(await returned.follower.catchUp()).toMatchObject({ fromSnapshot: true, removed: 1, position: head });
      await expectEqualToDatabase(returned, store);
      expect(returned.articles.keywordSearch('河西', 5).length).toBeGreaterThan(0);
      expect(returned.articles.getArticle(story(3).id)).toBeNull();
      // It registered again, at the head.
      const { rows } = await store.pool.query<{ position: string }>('SELECT position FROM replica_positions WHERE replica_id = $1', [replicaId(returned.database)]);
      expect(rows.map((row) => Number(row.position))).toEqual([head]);
    } finally {
      await live.close();
      await returned.close();
    }
  });
});
