/** The mapping of `articles`, `chunks` and correction rows to what replicas copy, shared by following and by snapshots. */
import type pg from 'pg';
import type { ReplicatedArticle, ReplicatedChunk } from '../article-change-reader.js';
import { toArticle, type ArticleRow } from '../article-rows.js';
import { type CorrectionRow, toArticleCorrection } from '../correction-rows.js';
import type { ArticleCorrection } from '../correction-store.js';
import { decodeVector } from './vector-bytes.js';

/** PostgreSQL holds the lists as `text[]` and the time as `timestamptz`. */
export type PostgresArticleRow = ArticleRow<string[], Date>;

interface ReplicatedChunkRow {
  id: string;
  article_id: string;
  ordinal: number;
  text: string;
  heading: string;
  embedder_id: string;
  vector: Buffer;
}

/** The chunks of the articles in `$1` (a text[]), in ordinal order. */
const CHUNKS_OF_ARTICLES_SQL = `SELECT id, article_id, ordinal, text, heading, embedder_id, vector
  FROM chunks WHERE article_id = ANY($1::text[]) ORDER BY article_id, ordinal`;

/**
 * Articles with their chunks, their printed corrections and the day each was last updated in place, read on `client`:
 * its transaction must be one snapshot (REPEATABLE READ) for the parts to agree.
 */
export async function readReplicatedArticles(client: pg.PoolClient, articles: readonly PostgresArticleRow[]): Promise<ReplicatedArticle[]> {
  if (articles.length === 0) return [];
  const ids = articles.map((row) => row.id);
  const chunks = (await client.query<ReplicatedChunkRow>(CHUNKS_OF_ARTICLES_SQL, [ids])).rows;
  const corrections = (await client.query<CorrectionRow>('SELECT * FROM article_corrections WHERE article_id = ANY($1::text[]) ORDER BY corrected_on, correction_id', [ids])).rows;
  const revisions = (await client.query<{ article_id: string; updated_on: string }>('SELECT * FROM article_revisions WHERE article_id = ANY($1::text[])', [ids])).rows;
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
