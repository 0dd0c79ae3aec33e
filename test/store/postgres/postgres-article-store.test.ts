import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, type PostgresStore } from '../../../src/store/postgres/open-postgres-store.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { makeArticle, makeChunks } from '../store-fixtures.js';

const EMBEDDER = 'test-embedder-v1';
const DIMENSIONS = 4;

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgresServer();
});

afterAll(async () => {
  await server?.close();
});

async function openStore(connectionString?: string): Promise<PostgresStore> {
  return openPostgresStore({ connectionString: connectionString ?? (await server.createDatabase()), embedderId: EMBEDDER, dimensions: DIMENSIONS });
}

function bits(vector: Float32Array): number[] {
  return [...new Uint32Array(vector.buffer, vector.byteOffset, vector.length)];
}

describe('PostgreSQL article writer and reader', () => {
  it('round-trips articles, chunks and bit-exact vectors, and logs each write', async () => {
    const store = await openStore();
    try {
      const article = makeArticle({ id: 'a1', title: '城市书房开放', paragraphs: ['第一段。', '第二段。'], authors: ['记者 甲'], url: 'https://example.com/a1' });
      // Values a lossy encoding would change: -0, the smallest subnormal, the largest float, a non-representable decimal.
      const vectors = [new Float32Array([-0, 1.401298464324817e-45, 3.4028234663852886e38, 0.1]), new Float32Array([Math.PI, -Math.E, 1e-38, -123456.789])];
      const written = await store.writer.writeArticles([{ article, contentHash: 'hash-1', chunks: makeChunks(article, ['第一段。', '第二段。']), vectors }]);
      expect(written.chunkIds).toHaveLength(1);
      expect(written.chunkIds[0]).toHaveLength(2);

      const [read] = await store.reader.articlesWithChunks(['a1', 'absent']);
      expect(read?.article).toEqual(article);
      expect(read?.contentHash).toBe('hash-1');
      expect(read?.chunks.map((chunk) => chunk.id)).toEqual(written.chunkIds[0]);
      expect(read?.chunks.map((chunk) => chunk.text)).toEqual(['第一段。', '第二段。']);
      expect(read?.chunks.map((chunk) => chunk.embedderId)).toEqual([EMBEDDER, EMBEDDER]);
      expect(read?.chunks.map((chunk) => bits(chunk.vector))).toEqual(vectors.map(bits));
      expect(Object.is(read?.chunks[0]?.vector[0], -0)).toBe(true);

      const byId = await store.reader.chunkVectors([...written.chunkIds[0]!].reverse());
      expect(byId.map((item) => bits(item.vector))).toEqual(vectors.map(bits));
      expect(await store.writer.articleHashes(['a1', 'absent'])).toEqual(new Map([['a1', 'hash-1']]));

      const removed = await store.writer.removeArticles(['a1', 'absent']);
      expect(removed.removedArticleIds).toEqual(['a1']);
      expect(await store.reader.articlesWithChunks(['a1'])).toEqual([]);
      expect(await store.reader.chunkVectors(written.chunkIds[0]!)).toEqual([]);
      const changes = await store.reader.changesAfter(0, 10);
      expect(changes.map((change) => [change.articleId, change.kind])).toEqual([
        ['a1', 'upsert'],
        ['a1', 'remove'],
      ]);
      expect(changes.map((change) => change.position)).toEqual([written.position, removed.position]);
      expect(await store.reader.headPosition()).toBe(removed.position);
    } finally {
      await store.close();
    }
  });

  it('rejects a batch whose vectors do not match its chunks, writing nothing', async () => {
    const store = await openStore();
    try {
      const article = makeArticle({ id: 'bad' });
      await expect(
        store.writer.writeArticles([{ article, contentHash: 'h', chunks: makeChunks(article, ['一。', '二。']), vectors: [new Float32Array(DIMENSIONS)] }]),
      ).rejects.toThrow(/2 chunks but 1 vectors/);
      expect(await store.reader.headPosition()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('never lets a polling reader skip a position while writers commit concurrently', async () => {
    const connectionString = await server.createDatabase();
    const writers = await Promise.all([openStore(connectionString), openStore(connectionString), openStore(connectionString)]);
    const readerStore = await openStore(connectionString);
    const batchesPerWriter = 60;
    let writing = true;
    const seen: number[] = [];
    try {
      // The reader behaves like a replica: it remembers the last position it read and asks for what follows.
      const poll = async (): Promise<void> => {
        let position = 0;
        for (;;) {
          const done = !writing;
          const changes = await readerStore.reader.changesAfter(position, 1000);
          for (const change of changes) seen.push(change.position);
          position = changes.at(-1)?.position ?? position;
          if (done && changes.length === 0) return;
        }
      };
      const write = async (store: PostgresStore, writerNumber: number): Promise<void> => {
        for (let batch = 0; batch < batchesPerWriter; batch += 1) {
          const articles = [0, 1].map((item) => makeArticle({ id: `w${writerNumber}-${batch}-${item}` }));
          await store.writer.writeArticles(
            articles.map((article) => ({ article, contentHash: 'h', chunks: makeChunks(article, ['正文。']), vectors: [new Float32Array(DIMENSIONS).fill(writerNumber)] })),
          );
        }
      };
      const polling = poll();
      await Promise.all(writers.map((store, writerNumber) => write(store, writerNumber)));
      writing = false;
      await polling;
      const { rows } = await readerStore.pool.query<{ position: string }>('SELECT position FROM change_log ORDER BY position');
      const all = rows.map((row) => Number(row.position));
      expect(all).toHaveLength(writers.length * batchesPerWriter * 2);
      expect(seen).toEqual(all);
    } finally {
      await Promise.all([...writers, readerStore].map((store) => store.close()));
    }
  });
});
