import { describe, expect, it } from 'vitest';
import type { ArticleChangeReader } from '../../../src/store/article-change-reader.js';
import { HybridRetriever } from '../../../src/retrieval/hybrid-retriever.js';
import type { PostgresStore } from '../../../src/store/postgres/open-postgres-store.js';
import { makeArticle } from '../../helpers/open-test-archive.js';
import { INGEST_EMBEDDER, PassageRefusingEmbedder, ingest, openReplica, waitFor, usePostgresReplicas } from './replica-fixtures.js';

const BOOKS = makeArticle('books', '城市书房开放', ['株洲城市书房全部免费开放，每天开放到晚上九点。'], { date: '2026-04-20' });
const BUSES = makeArticle('buses', '新能源公交投运', ['首批60辆新能源公交车今天投入运营，覆盖12条线路。'], { date: '2026-04-21' });
const RIVER = makeArticle('river', '湘江风光带改造', ['湘江风光带改造工程完工，新增步道八公里。'], { date: '2026-04-22' });

const { server, openStore, newHome } = usePostgresReplicas();

/** Chunk ids and vectors of articles, as PostgreSQL holds them. */
async function storedChunks(store: PostgresStore, articleIds: string[]) {
  return (await store.reader.articlesWithChunks(articleIds)).flatMap((item) => item.chunks);
}

describe('ReplicaFollower', () => {
  it('builds a new replica from PostgreSQL, copying vectors instead of embedding', async () => {
    const store = await openStore();
    const written = await ingest(store, [BOOKS, BUSES, RIVER]);
    const replica = openReplica(newHome(), store.reader, store.notifier);
    try {
      expect(replica.follower.status()).toMatchObject({ ready: false, position: 0 });
      const result = await replica.follower.catchUp();
      // A new replica copies a snapshot instead of replaying the log.
      expect(result).toMatchObject({ changes: 0, upserted: 3, removed: 0, position: written.position, fromSnapshot: true });

      const chunks = await storedChunks(store, ['books', 'buses', 'river']);
      const chunkIds = chunks.map((chunk) => chunk.id).sort((left, right) => left - right);
      expect(replica.articles.allChunkIds()).toEqual(chunkIds);
      expect(replica.index.ids().sort((left, right) => left - right)).toEqual(chunkIds);
      // Each label holds PostgreSQL's vector: searching with it finds that very label.
      for (const chunk of chunks) {
        const [hit] = replica.index.search(chunk.vector, 1);
        expect(hit?.id).toBe(chunk.id);
        expect(hit?.similarity).toBeGreaterThan(0.9999);
      }
      expect(replica.articles.getArticle('buses')).toMatchObject({ title: BUSES.title, paragraphs: BUSES.paragraphs, date: '2026-04-21' });

      const embedder = new PassageRefusingEmbedder();
      // Both legs, as a semantic model would search them (a lexical embedder's vectors are skipped when keywords suffice).
      const retriever = new HybridRetriever({ store: replica.articles, index: replica.index, embedder, alwaysSearchVectors: true });
      const [best] = await retriever.search('新能源公交车', { k: 1 });
      expect(best?.articleId).toBe('buses');
      expect(best?.vectorRank).toBe(1);
      expect(embedder.calls.every((call) => call.kind === 'query')).toBe(true);
      expect(replica.follower.status()).toMatchObject({ ready: true, position: written.position, headPosition: written.position, behind: 0, lagMs: 0, lastError: null });
    } finally {
      await replica.close();
    }
  });

  it('withoutChanges holds following: a catch-up asked for meanwhile waits; a failing work ends the hold and fails its caller only', async () => {
    const store = await openStore();
    const first = await ingest(store, [BOOKS]);
    const replica = openReplica(newHome(), store.reader, store.notifier);
    try {
      await replica.follower.catchUp();
      let caughtUp: Promise<unknown> | null = null;
      const seen = await replica.follower.withoutChanges(async () => {
        await ingest(store, [BUSES]);
        caughtUp = replica.follower.catchUp();
        // Give the catch-up every chance to run: it must not apply while the work holds following.
        await new Promise((resolve) => setTimeout(resolve, 200));
        return replica.follower.status().position;
      });
      expect(seen).toBe(first.position);
      await caughtUp;
      expect(replica.articles.getArticle('buses')).not.toBeNull();

      const failure = new Error('the copy failed');
      await expect(replica.follower.withoutChanges(() => Promise.reject(failure))).rejects.toBe(failure);
      const last = await ingest(store, [RIVER]);
      expect(await replica.follower.catchUp()).toMatchObject({ position: last.position });
    } finally {
      await replica.close();
    }
  });

  it('applies a correction (old chunks gone from full text and vectors) and a retraction', async () => {
    const store = await openStore();
    await ingest(store, [BOOKS, BUSES]);
    const replica = openReplica(newHome(), store.reader, store.notifier);
    try {
      await replica.follower.catchUp();
      const oldBookChunks = await storedChunks(store, ['books']);
      const busChunks = await storedChunks(store, ['buses']);
      expect(replica.articles.keywordSearch('免费', 10).length).toBeGreaterThan(0);

      const corrected = { ...BOOKS, paragraphs: ['株洲城市书房改为每天开放到晚上十一点，并新增自助借还机。'] };
      await ingest(store, [corrected]);
      const removed = await store.writer.removeArticles(['buses']);
      const result = await replica.follower.catchUp();
      expect(result).toMatchObject({ changes: 2, upserted: 1, removed: 1, position: removed.position });

      const newBookChunks = await storedChunks(store, ['books']);
      const labels = new Set(replica.index.ids());
      for (const chunk of [...oldBookChunks, ...busChunks]) expect(labels.has(chunk.id)).toBe(false);
      for (const chunk of newBookChunks) expect(labels.has(chunk.id)).toBe(true);
      expect(replica.articles.getChunks(oldBookChunks.map((chunk) => chunk.id))).toEqual([]);
      // The old text's words are gone from the full-text index (the new text shares 晚上 but not 免费).
      const oldIds = new Set(oldBookChunks.map((chunk) => chunk.id));
      expect(replica.articles.keywordSearch('晚上九点', 10).filter((hit) => oldIds.has(hit.id))).toEqual([]);
      expect(replica.articles.keywordSearch('免费', 10)).toEqual([]);
      expect(replica.articles.keywordSearch('自助借还机', 10).map((hit) => hit.id)).toEqual(newBookChunks.map((chunk) => chunk.id));
      expect(replica.articles.getArticle('books')?.paragraphs).toEqual(corrected.paragraphs);
      expect(replica.articles.getArticle('buses')).toBeNull();
      expect(replica.articles.keywordSearch('新能源公交车', 10)).toEqual([]);
      expect(replica.articles.allChunkIds()).toEqual(newBookChunks.map((chunk) => chunk.id));

      // Nothing new: a second catch-up reads nothing and changes nothing.
      expect(await replica.follower.catchUp()).toMatchObject({ changes: 0, position: removed.position });
    } finally {
      await replica.close();
    }
  });

  it('keeps its position across a reopen, and mends a lost vector index from PostgreSQL', async () => {
    const store = await openStore();
    const written = await ingest(store, [BOOKS, BUSES, RIVER]);
    const home = newHome();
    const first = openReplica(home, store.reader, store.notifier);
    await first.follower.catchUp();
    await first.close();

    let fetches = 0;
    const countingReader: ArticleChangeReader = {
      changesAfter: (position, limit) => store.reader.changesAfter(position, limit),
      articlesWithChunks: (ids) => {
        fetches += 1;
        return store.reader.articlesWithChunks(ids);
      },
      chunkVectors: (ids) => store.reader.chunkVectors(ids),
      headPosition: () => store.reader.headPosition(),
      readSnapshot: (options) => store.reader.readSnapshot(options),
      compactedThrough: () => store.reader.compactedThrough(),
    };
    const reopened = openReplica(home, countingReader, store.notifier);
    try {
      expect(reopened.follower.status()).toMatchObject({ ready: true, position: written.position });
      expect(await reopened.follower.catchUp()).toMatchObject({ changes: 0, position: written.position });
      expect(fetches).toBe(0);
    } finally {
      await reopened.close();
    }

    // A crash that lost the index files (or left the index behind the database): copied back, not embedded.
    const mended = openReplica(home, countingReader, store.notifier, { resetIndex: true });
    try {
      expect(mended.index.count()).toBe(0);
      mended.index.add(4_000_000, new Float32Array(INGEST_EMBEDDER.dimensions).fill(0.125));
      await mended.follower.catchUp();
      const chunks = await storedChunks(store, ['books', 'buses', 'river']);
      expect(mended.index.ids().sort((left, right) => left - right)).toEqual(chunks.map((chunk) => chunk.id).sort((left, right) => left - right));
      for (const chunk of chunks) expect(mended.index.search(chunk.vector, 1)[0]?.id).toBe(chunk.id);
      expect(fetches).toBe(0);
    } finally {
      await mended.close();
    }
  });

  it('wakes on NOTIFY: a write is visible well within the polling interval', async () => {
    const store = await openStore();
    const replica = openReplica(newHome(), store.reader, store.notifier, { pollIntervalMs: 60_000 });
    try {
      replica.follower.follow();
      await waitFor(() => replica.follower.status().listening && replica.follower.status().ready, 5000, 'the follower to listen');
      const started = Date.now();
      const written = await ingest(store, [RIVER]);
      await waitFor(() => replica.articles.getArticle('river') !== null, 5000, 'the article to reach the replica');
      expect(Date.now() - started).toBeLessThan(1000);
      await waitFor(() => replica.follower.status().position === written.position && replica.index.count() > 0, 5000, 'the vectors');
    } finally {
      await replica.close();
    }
  });

  it('answers through a PostgreSQL restart and catches up on a write made just before the stop', async () => {
    const store = await openStore();
    const first = await ingest(store, [BOOKS]);
    // Holds the follower's read of the change log, so the write below reaches PostgreSQL but not the replica before the stop.
    let gate: Promise<void> | null = null;
    let openGate = (): void => {};
    let waiting = 0;
    const gatedReader: ArticleChangeReader = {
      changesAfter: async (position, limit) => {
        if (gate) {
          waiting += 1;
          await gate;
        }
        return store.reader.changesAfter(position, limit);
      },
      articlesWithChunks: (ids) => store.reader.articlesWithChunks(ids),
      chunkVectors: (ids) => store.reader.chunkVectors(ids),
      headPosition: () => store.reader.headPosition(),
      readSnapshot: (options) => store.reader.readSnapshot(options),
      compactedThrough: () => store.reader.compactedThrough(),
    };
    const replica = openReplica(newHome(), gatedReader, store.notifier, { pollIntervalMs: 60_000 });
    try {
      replica.follower.follow();
      await waitFor(() => replica.follower.status().position === first.position && replica.follower.status().listening, 5000, 'the first article');

      gate = new Promise((resolve) => (openGate = resolve));
      const beforeStop = await ingest(store, [BUSES]);
      await waitFor(() => waiting > 0, 5000, 'the notification of the write');
      await server().stop();
      gate = null;
      openGate();
      await waitFor(() => replica.follower.status().lastError !== null && !replica.follower.status().listening, 5000, 'the outage to show');

      // PostgreSQL is away: the replica still answers from what it holds.
      expect(replica.follower.status()).toMatchObject({ ready: true, position: first.position });
      expect(replica.articles.keywordSearch('城市书房', 5).length).toBeGreaterThan(0);
      expect(replica.articles.getArticle('buses')).toBeNull();

      await server().start();
      // The poll is a minute away: only the reconnected LISTEN can bring the write in this soon.
      await waitFor(() => replica.follower.status().position === beforeStop.position, 10_000, 'the catch-up after the restart');
      expect(replica.articles.getArticle('buses')?.title).toBe(BUSES.title);
      await waitFor(() => replica.follower.status().lastError === null && replica.follower.status().listening, 5000, 'the follower to recover');

      const afterRestart = await ingest(store, [RIVER]);
      await waitFor(() => replica.follower.status().position === afterRestart.position, 2000, 'a write after the restart');
      expect(new Set(replica.index.ids())).toEqual(new Set(replica.articles.allChunkIds()));
    } finally {
      openGate();
      await server().start();
      await replica.close();
    }
  });
});
