/** The mapping of `articles` and `chunks` rows to what replicas copy, shared by following and by snapshots. */
import type { ReplicatedArticle, ReplicatedChunk } from '../article-change-reader.js';
import { toArticle, type ArticleRow } from '../article-rows.js';
import { decodeVector } from './vector-bytes.js';

/** PostgreSQL holds the lists as `text[]` and the time as `timestamptz`. */
export type PostgresArticleRow = ArticleRow<string[], Date>;

export interface ReplicatedChunkRow {
  id: string;
  article_id: string;
  ordinal: number;
  text: string;
  heading: string;
  embedder_id: string;
  vector: Buffer;
}

/** The chunks of the articles in `$1` (a text[]), in the order `toReplicatedArticles` expects. */
export const CHUNKS_OF_ARTICLES_SQL = `SELECT id, article_id, ordinal, text, heading, embedder_id, vector
  FROM chunks WHERE article_id = ANY($1::text[]) ORDER BY article_id, ordinal`;

/** Articles with their chunks; the rows must come from one snapshot, chunks in ordinal order. */
export function toReplicatedArticles(articles: readonly PostgresArticleRow[], chunks: readonly ReplicatedChunkRow[]): ReplicatedArticle[] {
  const chunksByArticle = new Map<string, ReplicatedChunk[]>();
  for (const row of chunks) {
    const list = chunksByArticle.get(row.article_id) ?? [];
    list.push({ id: Number(row.id), ordinal: row.ordinal, text: row.text, heading: row.heading, embedderId: row.embedder_id, vector: decodeVector(row.vector) });
    chunksByArticle.set(row.article_id, list);
  }
  return articles.map((row) => ({
    article: toArticle(row, (list) => list),
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at.toISOString(),
    chunks: chunksByArticle.get(row.id) ?? [],
  }));
}
