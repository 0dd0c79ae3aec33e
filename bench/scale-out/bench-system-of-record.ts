/**
 * The bench's handle on PostgreSQL: writes generated articles through the real `PostgresArticleWriter` (chunked and
 * embedded here, as `newsbot ingest` does, without a local replica of its own), and reads sizes for the on-paper limits.
 */
import type pg from 'pg';
import type { Article } from '../../src/ingest/article.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import { contentHash } from '../../src/pipeline/content-hash.js';
import { embedChunks } from '../../src/pipeline/embed-chunks.js';
import { createPostgresPool } from '../../src/store/postgres/create-postgres-pool.js';
import { runPostgresMigrations } from '../../src/store/postgres/run-postgres-migrations.js';
import { PostgresArticleWriter } from '../../src/store/postgres/postgres-article-writer.js';
import type { ArticleWrite } from '../../src/store/article-writer.js';

/** Chunks per transaction while filling (as `indexArticles` batches). */
const FILL_BATCH_CHUNKS = 2048;

/** What PostgreSQL holds, for bytes-per-chunk figures. */
export interface SystemOfRecordSize {
  chunks: number;
  databaseMb: number;
  chunksTableMb: number;
}

export class BenchSystemOfRecord {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly writer: PostgresArticleWriter,
    private readonly embedder: Embedder,
  ) {}

  /** Connects, applies the migrations, and refuses a database that already holds articles (figures would mix). */
  static async open(connectionString: string, embedder: Embedder): Promise<BenchSystemOfRecord> {
    const pool = createPostgresPool({ connectionString, max: 4 });
    try {
      await runPostgresMigrations(pool);
      const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM articles');
      if (Number(rows[0]?.count ?? 0) > 0) {
        throw new Error(`the scale-out bench needs an empty database, and this one holds ${rows[0]?.count} articles: create one (CREATE DATABASE …) and pass its URL`);
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new BenchSystemOfRecord(pool, new PostgresArticleWriter({ pool, embedderId: embedder.id, dimensions: embedder.dimensions }), embedder);
  }

  /** Writes the articles in transactions of about 2,048 chunks; returns the chunks written. */
  async fill(articles: readonly Article[]): Promise<number> {
    let batch: Article[] = [];
    let batchChunks = 0;
    let written = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      await this.write(batch);
      written += batchChunks;
      batch = [];
      batchChunks = 0;
    };
    for (const article of articles) {
      batch.push(article);
      batchChunks += chunkArticle(article).length;
      if (batchChunks >= FILL_BATCH_CHUNKS) await flush();
    }
    await flush();
    return written;
  }

  /** Writes the articles in one transaction; resolves with its change-log position once committed. */
  async write(articles: readonly Article[]): Promise<number> {
    const writes: ArticleWrite[] = [];
    for (const article of articles) {
      const chunks = chunkArticle(article);
      writes.push({ article, contentHash: contentHash(article), chunks, vectors: await embedChunks(this.embedder, chunks) });
    }
    return (await this.writer.writeArticles(writes)).position;
  }

  async size(): Promise<SystemOfRecordSize> {
    const { rows } = await this.pool.query<{ chunks: string; database: string; chunks_table: string }>(
      `SELECT (SELECT count(*) FROM chunks) AS chunks, pg_database_size(current_database()) AS database, pg_total_relation_size('chunks') AS chunks_table`,
    );
    const row = rows[0]!;
    const megabytes = (bytes: string): number => Math.round(Number(bytes) / 1024 / 102.4) / 10;
    return { chunks: Number(row.chunks), databaseMb: megabytes(row.database), chunksTableMb: megabytes(row.chunks_table) };
  }

  /** Sessions open on this database but this one (the bench's queries are sequential: its pool holds one). */
  async otherConnections(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>('SELECT count(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    return Number(rows[0]?.count ?? 0);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
