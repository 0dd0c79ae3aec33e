import type pg from 'pg';
import type { ArticleWrite, ArticleWriter, RemoveArticlesResult, WriteArticlesResult } from '../article-writer.js';
import { appendChanges } from './append-changes.js';
import { encodeVector } from './vector-bytes.js';
import { withTransaction } from './with-transaction.js';

export interface PostgresArticleWriterOptions {
  pool: pg.Pool;
  /** Id of the embedder that made the vectors (recorded per chunk, checked by replicas). */
  embedderId: string;
  /** Length of every vector written. */
  dimensions: number;
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
    const { rows } = await this.options.pool.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM articles WHERE id = ANY($1::text[])', [articleIds]);
    return new Map(rows.map((row) => [row.id, row.content_hash]));
  }

  async writeArticles(batch: readonly ArticleWrite[]): Promise<WriteArticlesResult> {
    if (batch.length === 0) return { chunkIds: [], position: 0 };
    this.checkBatch(batch);
    return withTransaction(this.options.pool, async (client) => {
      const chunkIds: number[][] = [];
      for (const item of batch) chunkIds.push(await this.writeArticle(client, item));
      const position = await appendChanges(
        client,
        batch.map((item) => item.article.id),
        'upsert',
      );
      return { chunkIds, position };
    });
  }

  async removeArticles(articleIds: readonly string[]): Promise<RemoveArticlesResult> {
    if (articleIds.length === 0) return { removedArticleIds: [], position: null };
    return withTransaction(this.options.pool, async (client) => {
      // ON DELETE CASCADE removes the chunks and their vectors.
      const { rows } = await client.query<{ id: string }>('DELETE FROM articles WHERE id = ANY($1::text[]) RETURNING id', [[...articleIds]]);
      const removedArticleIds = rows.map((row) => row.id);
      if (removedArticleIds.length === 0) return { removedArticleIds, position: null };
      return { removedArticleIds, position: await appendChanges(client, removedArticleIds, 'remove') };
    });
  }

  /** Replaces one article and its chunks; returns the new chunk ids in chunk order. */
  private async writeArticle(client: pg.PoolClient, item: ArticleWrite): Promise<number[]> {
    const { article } = item;
    await client.query(
      `INSERT INTO articles (id, title, subtitle, paragraphs, date, url, authors, section, source, photo_caption, position, content_hash, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
       ON CONFLICT (id) DO UPDATE SET
         title = excluded.title, subtitle = excluded.subtitle, paragraphs = excluded.paragraphs, date = excluded.date,
         url = excluded.url, authors = excluded.authors, section = excluded.section, source = excluded.source,
         photo_caption = excluded.photo_caption, position = excluded.position, content_hash = excluded.content_hash,
         ingested_at = excluded.ingested_at`,
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
      ],
    );
    // New ids for every chunk of a changed article: a replica that sees an id it holds knows it
    // holds exactly that chunk and vector, so replaying a change costs nothing.
    await client.query('DELETE FROM chunks WHERE article_id = $1', [article.id]);
    if (item.chunks.length === 0) return [];
    const { rows } = await client.query<{ id: string; ordinal: number }>(
      `INSERT INTO chunks (article_id, date, dimensions, embedder_id, ordinal, text, heading, vector)
       SELECT $1, $2, $3, $4, item.ordinal, item.text, item.heading, item.vector
       FROM unnest($5::integer[], $6::text[], $7::text[], $8::bytea[]) AS item (ordinal, text, heading, vector)
       RETURNING id, ordinal`,
      [
        article.id,
        article.date,
        this.options.dimensions,
        this.options.embedderId,
        item.chunks.map((chunk) => chunk.ordinal),
        item.chunks.map((chunk) => chunk.text),
        item.chunks.map((chunk) => chunk.heading),
        item.vectors.map(encodeVector),
      ],
    );
    const idByOrdinal = new Map(rows.map((row) => [row.ordinal, Number(row.id)]));
    return item.chunks.map((chunk) => idByOrdinal.get(chunk.ordinal)!);
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
