import type pg from 'pg';
import type { ArticleWrite } from '../article-writer.js';
import { changedInPlace } from '../../ingest/corrections/changed-in-place.js';
import { ARTICLE_COLUMNS, STORED_ARTICLE_COLUMNS, articleValues, upsertArticleSql } from '../article-rows.js';
import { encodeVector } from './vector-bytes.js';

/** The article's columns as $1…$12 (its content hash last), ingested now, under the job $13. */
const UPSERT_ARTICLE = upsertArticleSql(
  [...STORED_ARTICLE_COLUMNS, 'job_id'],
  [...ARTICLE_COLUMNS.map((_, index) => `$${index + 1}`), `$${ARTICLE_COLUMNS.length + 1}`, 'now()', `$${ARTICLE_COLUMNS.length + 2}`],
);

/** How `writeArticleRows` labels the rows. */
export interface WriteArticleRowsOptions {
  embedderId: string;
  dimensions: number;
  /** The embedding job that made the vectors (null: written directly). */
  jobId?: number | null;
}

/** What `writeArticleRows` wrote. */
export interface WrittenArticleRows {
  /** The new chunk ids, in chunk order. */
  chunkIds: number[];
  /** The article was stored before with another title or text (updated in place). */
  updatedInPlace: boolean;
}

/** Replaces one article and its chunks (with their vectors) inside the caller's transaction. */
export async function writeArticleRows(client: pg.PoolClient, item: ArticleWrite, options: WriteArticleRowsOptions): Promise<WrittenArticleRows> {
  const { article } = item;
  const stored = (await client.query<{ title: string; paragraphs: string[] }>('SELECT title, paragraphs FROM articles WHERE id = $1', [article.id])).rows[0];
  const updatedInPlace = stored !== undefined && changedInPlace(stored, article);
  const values = articleValues(article, (list) => list);
  await client.query(UPSERT_ARTICLE, [...ARTICLE_COLUMNS.map((column) => values[column]), item.contentHash, options.jobId ?? null]);
  // New ids for every chunk of a changed article: a replica that sees an id it holds knows it
  // holds exactly that chunk and vector, so replaying a change costs nothing.
  await client.query('DELETE FROM chunks WHERE article_id = $1', [article.id]);
  if (item.chunks.length === 0) return { chunkIds: [], updatedInPlace };
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
  return { chunkIds: item.chunks.map((chunk) => idByOrdinal.get(chunk.ordinal)!), updatedInPlace };
}
