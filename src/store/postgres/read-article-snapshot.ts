import type pg from 'pg';
import type { ReadSnapshotOptions, ReplicatedArticle, SnapshotStart } from '../article-change-reader.js';
import { readReplicatedArticles, type PostgresArticleRow } from './replicated-article-rows.js';
import { CHANGE_LOG_HEAD_SQL } from './change-log-head.js';
import { withTransaction } from './with-transaction.js';

/**
 * Reads every article with its chunks in one REPEATABLE READ transaction: the change-log position first, then the
 * articles through a cursor in id order, each batch's chunks and corrections by article. Writers commit their change-log entries in
 * position order (see `appendChanges`), so the snapshot holds exactly the changes up to its position: a replica built
 * from it follows the log from there and loses nothing written meanwhile. The next batch is read while the caller
 * applies the current one.
 */
export async function readArticleSnapshot(pool: pg.Pool, options: ReadSnapshotOptions): Promise<SnapshotStart> {
  return withTransaction(
    pool,
    async (client) => {
      // The first statement fixes the snapshot. A compacted log may be empty: its position is then the compaction's.
      const { rows } = await client.query<{ position: string; chunks: string }>(`SELECT ${CHANGE_LOG_HEAD_SQL} AS position, (SELECT count(*) FROM chunks) AS chunks`);
      const start: SnapshotStart = { position: Number(rows[0]?.position ?? 0), chunks: Number(rows[0]?.chunks ?? 0) };
      await options.onStart?.(start);
      await client.query('DECLARE snapshot_articles NO SCROLL CURSOR FOR SELECT * FROM articles ORDER BY id');
      const size = Math.max(1, Math.floor(options.batchArticles));
      const readBatch = async (): Promise<ReplicatedArticle[]> => {
        const articles = (await client.query<PostgresArticleRow>(`FETCH ${size} FROM snapshot_articles`)).rows;
        return readReplicatedArticles(client, articles);
      };
      let next = readBatch();
      for (;;) {
        const batch = await next;
        if (batch.length === 0) break;
        next = readBatch();
        // Rejections of the read ahead are seen at the next await; this only keeps them from counting as unhandled.
        next.catch(() => undefined);
        await options.onBatch(batch);
      }
      return start;
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}
