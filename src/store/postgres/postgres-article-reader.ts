import type pg from 'pg';
import type { ArticleChange, ArticleChangeReader, ChunkVector, ReplicatedArticle, ReplicatedChunk } from '../article-change-reader.js';
import { toArticle, type ArticleRow } from '../article-rows.js';
import { type CorrectionRow, toArticleCorrection } from '../correction-rows.js';
import type { ArticleCorrection } from '../correction-store.js';
import { decodeVector } from './vector-bytes.js';
import { withTransaction } from './with-transaction.js';

/** PostgreSQL holds the lists as `text[]` and the time as `timestamptz`. */
type PostgresArticleRow = ArticleRow<string[], Date>;

interface ChunkRow {
  id: string;
  article_id: string;
  ordinal: number;
  text: string;
  heading: string;
  embedder_id: string;
  vector: Buffer;
}

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
    const { articles, chunks, corrections, revisions } = await withTransaction(
      this.pool,
      async (client) => ({
        articles: (await client.query<PostgresArticleRow>('SELECT * FROM articles WHERE id = ANY($1::text[]) ORDER BY id', [articleIds])).rows,
        chunks: (
          await client.query<ChunkRow>(
            `SELECT id, article_id, ordinal, text, heading, embedder_id, vector
             FROM chunks WHERE article_id = ANY($1::text[]) ORDER BY article_id, ordinal`,
            [articleIds],
          )
        ).rows,
        corrections: (await client.query<CorrectionRow>('SELECT * FROM article_corrections WHERE article_id = ANY($1::text[]) ORDER BY corrected_on, correction_id', [articleIds]))
          .rows,
        revisions: (await client.query<{ article_id: string; updated_on: string }>('SELECT * FROM article_revisions WHERE article_id = ANY($1::text[])', [articleIds])).rows,
      }),
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
    const chunksByArticle = new Map<string, ReplicatedChunk[]>();
    for (const row of chunks) {
      const list = chunksByArticle.get(row.article_id) ?? [];
      list.push({ id: Number(row.id), ordinal: row.ordinal, text: row.text, heading: row.heading, embedderId: row.embedder_id, vector: decodeVector(row.vector) });
      chunksByArticle.set(row.article_id, list);
    }
    const correctionsByArticle = new Map<string, ArticleCorrection[]>();
    for (const row of corrections) correctionsByArticle.set(row.article_id, [...(correctionsByArticle.get(row.article_id) ?? []), toArticleCorrection(row)]);
    const updatedOn = new Map(revisions.map((row) => [row.article_id, row.updated_on]));
    return articles.map((row) => ({
      article: toArticle(row, (list) => list),
      contentHash: row.content_hash,
      ingestedAt: row.ingested_at.toISOString(),
      chunks: chunksByArticle.get(row.id) ?? [],
      corrections: correctionsByArticle.get(row.id) ?? [],
      updatedOn: updatedOn.get(row.id) ?? null,
    }));
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
    const { rows } = await this.pool.query<{ head: string }>('SELECT coalesce(max(position), 0) AS head FROM change_log');
    return Number(rows[0]?.head ?? 0);
  }
}
