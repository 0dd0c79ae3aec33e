import type pg from 'pg';
import type { ArticleChange, ArticleChangeReader, ChunkVector, ReadSnapshotOptions, ReplicatedArticle, SnapshotStart } from '../article-change-reader.js';
import { readReplicatedArticles, type PostgresArticleRow } from './replicated-article-rows.js';
import { CHANGE_LOG_HEAD_SQL } from './change-log-head.js';
import { readArticleSnapshot } from './read-article-snapshot.js';
import { decodeVector } from './vector-bytes.js';
import { withTransaction } from './with-transaction.js';

/** `ArticleChangeReader` on PostgreSQL: what local search replicas follow. */
export class PostgresArticleReader implements ArticleChangeReader {
  constructor(private readonly pool: pg.Pool) {}

  async changesAfter(position: number, limit: number): Promise<ArticleChange[]> {
    const { rows } = await this.pool.query<{ position: string; article_id: string; kind: 'upsert' | 'remove'; committed_at: Date }>(
      'SELECT position, article_id, kind, committed_at FROM change_log WHERE position > $1 ORDER BY position LIMIT $2',
      [position, Math.max(1, Math.floor(limit))],
    );
    return rows.map((row) => ({ position: Number(row.position), articleId: row.article_id, kind: row.kind, committedAt: row.committed_at }));
  }

  async articlesWithChunks(articleIds: readonly string[]): Promise<ReplicatedArticle[]> {
    if (articleIds.length === 0) return [];
    // One snapshot for all queries, so an article never comes with another version's chunks or corrections.
    return withTransaction(
      this.pool,
      async (client) =>
        readReplicatedArticles(client, (await client.query<PostgresArticleRow>('SELECT * FROM articles WHERE id = ANY($1::text[]) ORDER BY id', [articleIds])).rows),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  readSnapshot(options: ReadSnapshotOptions): Promise<SnapshotStart> {
    return readArticleSnapshot(this.pool, options);
  }

  async chunkVectors(chunkIds: readonly number[]): Promise<ChunkVector[]> {
    if (chunkIds.length === 0) return [];
    const { rows } = await this.pool.query<{ id: string; embedder_id: string; vector: Buffer }>(
      'SELECT id, embedder_id, vector FROM chunks WHERE id = ANY($1::bigint[]) ORDER BY id',
      [chunkIds],
    );
    return rows.map((row) => ({ id: Number(row.id), embedderId: row.embedder_id, vector: decodeVector(row.vector) }));
  }

  async headPosition(): Promise<number> {
    // Compaction may have emptied the log; the head is then where it was compacted to.
    const { rows } = await this.pool.query<{ head: string }>(`SELECT ${CHANGE_LOG_HEAD_SQL} AS head`);
    return Number(rows[0]?.head ?? 0);
  }

  async compactedThrough(): Promise<number> {
    const { rows } = await this.pool.query<{ through: string }>('SELECT coalesce(max(compacted_through), 0) AS through FROM change_log_compaction');
    return Number(rows[0]?.through ?? 0);
  }
}
