import type pg from 'pg';
import type { ArticleWrite, ArticleWriter, RemoveArticlesResult, WriteArticlesResult } from '../article-writer.js';
import { appendChanges } from './append-changes.js';
import { writeArticleRows } from './write-article-rows.js';
import { writeCorrectionLinks } from './write-correction-links.js';
import { withTransaction } from './with-transaction.js';

export interface PostgresArticleWriterOptions {
  pool: pg.Pool;
  /** Id of the embedder that made the vectors (recorded per chunk, checked by replicas). */
  embedderId: string;
  /** Length of every vector written. */
  dimensions: number;
  /** The time zone whose day marks an article updated in place (DIGEST_TIMEZONE). Default UTC. */
  timeZone?: string;
}

/** `ArticleWriter` on PostgreSQL: articles, chunks with their vectors, and the change log. */
export class PostgresArticleWriter implements ArticleWriter {
  private readonly options: PostgresArticleWriterOptions;

  constructor(options: PostgresArticleWriterOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions <= 0) {
      throw new RangeError(`dimensions must be a positive integer, got ${options.dimensions}`);
    }
    this.options = options;
  }

  async articleHashes(articleIds: readonly string[]): Promise<Map<string, string>> {
    if (articleIds.length === 0) return new Map();
    // A version waiting in the embedding queue counts as written: the newest job's hash wins.
    const { rows } = await this.options.pool.query<{ id: string; content_hash: string }>(
      `SELECT DISTINCT ON (id) id, content_hash FROM (
         SELECT id, content_hash, coalesce(job_id, 0) AS job FROM articles WHERE id = ANY($1::text[])
         UNION ALL
         SELECT queued.article_id, queued.content_hash, queued.job_id FROM embedding_job_articles queued
         JOIN embedding_jobs job ON job.id = queued.job_id AND job.state <> 'done'
         WHERE queued.article_id = ANY($1::text[])
       ) versions ORDER BY id, job DESC`,
      [articleIds],
    );
    return new Map(rows.map((row) => [row.id, row.content_hash]));
  }

  async writeArticles(batch: readonly ArticleWrite[]): Promise<WriteArticlesResult> {
    if (batch.length === 0) return { chunkIds: [], position: 0 };
    this.checkBatch(batch);
    return withTransaction(this.options.pool, async (client) => {
      const chunkIds: number[][] = [];
      const updatedInPlace: string[] = [];
      for (const item of batch) {
        const written = await writeArticleRows(client, item, this.options);
        chunkIds.push(written.chunkIds);
        if (written.updatedInPlace) updatedInPlace.push(item.article.id);
      }
      const articles = batch.map((item) => item.article);
      const carried = batch.flatMap((item) => (item.updatedOn ? [{ articleId: item.article.id, day: item.updatedOn }] : []));
      const corrected = await writeCorrectionLinks(client, articles, { updatedInPlace, carried }, this.options.timeZone ?? 'UTC');
      const position = await appendChanges(client, [...articles.map((article) => article.id), ...corrected], 'upsert');
      return { chunkIds, position };
    });
  }

  async removeArticles(articleIds: readonly string[]): Promise<RemoveArticlesResult> {
    if (articleIds.length === 0) return { removedArticleIds: [], position: null };
    return withTransaction(this.options.pool, async (client) => {
      // ON DELETE CASCADE removes the chunks and their vectors.
      const { rows } = await client.query<{ id: string }>('DELETE FROM articles WHERE id = ANY($1::text[]) RETURNING id', [[...articleIds]]);
      // A version still waiting in the embedding queue must not bring the article back.
      await client.query('DELETE FROM embedding_job_articles WHERE article_id = ANY($1::text[])', [[...articleIds]]);
      const removedArticleIds = rows.map((row) => row.id);
      if (removedArticleIds.length === 0) return { removedArticleIds, position: null };
      return { removedArticleIds, position: await appendChanges(client, removedArticleIds, 'remove') };
    });
  }

  /** Rejects a batch PostgreSQL would store wrongly, before anything is written. */
  private checkBatch(batch: readonly ArticleWrite[]): void {
    const seen = new Set<string>();
    for (const { article, chunks, vectors } of batch) {
      if (seen.has(article.id)) throw new RangeError(`article ${article.id} appears twice in one write; write each article once per batch`);
      seen.add(article.id);
      if (vectors.length !== chunks.length) {
        throw new RangeError(`article ${article.id} has ${chunks.length} chunks but ${vectors.length} vectors; pass one vector per chunk`);
      }
      for (const vector of vectors) {
        if (vector.length !== this.options.dimensions) {
          throw new RangeError(`a vector of article ${article.id} has ${vector.length} dimensions, the writer expects ${this.options.dimensions}`);
        }
      }
    }
  }
}
