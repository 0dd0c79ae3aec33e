import type pg from 'pg';
import type { ArticleWrite } from '../article-writer.js';
import { encodeVector } from './vector-bytes.js';

/** How `writeArticleRows` labels the rows. */
export interface WriteArticleRowsOptions {
  embedderId: string;
  dimensions: number;
  /** The embedding job that made the vectors (null: written directly). */
  jobId?: number | null;
}

/** Replaces one article and its chunks (with their vectors) inside the caller's transaction; returns the new chunk ids in chunk order. */
export async function writeArticleRows(client: pg.PoolClient, item: ArticleWrite, options: WriteArticleRowsOptions): Promise<number[]> {
  const { article } = item;
  await client.query(
    `INSERT INTO articles (id, title, subtitle, paragraphs, date, url, authors, section, source, photo_caption, position, content_hash, ingested_at, job_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now(), $13)
       ON CONFLICT (id) DO UPDATE SET
         title = excluded.title, subtitle = excluded.subtitle, paragraphs = excluded.paragraphs, date = excluded.date,
         url = excluded.url, authors = excluded.authors, section = excluded.section, source = excluded.source,
         photo_caption = excluded.photo_caption, position = excluded.position, content_hash = excluded.content_hash,
         ingested_at = excluded.ingested_at, job_id = excluded.job_id`,
    [
      article.id,
      article.title,
      article.subtitle,
      article.paragraphs,
      article.date,
      article.url,
      article.authors,
      article.section,
      article.source,
      article.photoCaption,
      article.position,
      item.contentHash,
      options.jobId ?? null,
    ],
  );
  // New ids for every chunk of a changed article: a replica that sees an id it holds knows it
  // holds exactly that chunk and vector, so replaying a change costs nothing.
  await client.query('DELETE FROM chunks WHERE article_id = $1', [article.id]);
  if (item.chunks.length === 0) return [];
  const { rows } = await client.query<{ id: string; ordinal: number }>(
    `INSERT INTO chunks (article_id, date, dimensions, embedder_id, ordinal, text, heading, vector, job_id)
       SELECT $1, $2, $3, $4, item.ordinal, item.text, item.heading, item.vector, $9
       FROM unnest($5::integer[], $6::text[], $7::text[], $8::bytea[]) AS item (ordinal, text, heading, vector)
       RETURNING id, ordinal`,
    [
      article.id,
      article.date,
      options.dimensions,
      options.embedderId,
      item.chunks.map((chunk) => chunk.ordinal),
      item.chunks.map((chunk) => chunk.text),
      item.chunks.map((chunk) => chunk.heading),
      item.vectors.map(encodeVector),
      options.jobId ?? null,
    ],
  );
  const idByOrdinal = new Map(rows.map((row) => [row.ordinal, Number(row.id)]));
  return item.chunks.map((chunk) => idByOrdinal.get(chunk.ordinal)!);
}
