import type pg from 'pg';
import type { CompleteJobResult, EmbeddingJob, EmbeddingQueue, QueuedArticle, QueueProgress } from '../embedding-queue.js';
import { appendChanges } from './append-changes.js';
import { withTransaction } from './with-transaction.js';
import { writeArticleRows } from './write-article-rows.js';
import { writeCorrectionLinks } from './write-correction-links.js';

export interface PostgresEmbeddingQueueOptions {
  pool: pg.Pool;
  /** Id of the embedder that makes the vectors (recorded per chunk, checked by replicas). */
  embedderId: string;
  dimensions: number;
  /** The time zone whose day marks an article updated in place (DIGEST_TIMEZONE). Default UTC. */
  timeZone?: string;
  /** Seconds of completed work the rate (and so the ETA) is measured over. Default 60. */
  rateWindowSeconds?: number;
}

/**
 * `EmbeddingQueue` on PostgreSQL (tables `embedding_jobs`, `embedding_job_articles`). Jobs are taken
 * with FOR UPDATE SKIP LOCKED, so workers never wait on each other; the completion checks the lease
 * under a row lock in the same transaction that writes the vectors, so a job is written once.
 */
export class PostgresEmbeddingQueue implements EmbeddingQueue {
  private readonly options: PostgresEmbeddingQueueOptions;

  constructor(options: PostgresEmbeddingQueueOptions) {
    this.options = options;
  }

  async enqueue(articles: readonly QueuedArticle[]): Promise<number> {
    const chunkCount = articles.reduce((sum, item) => sum + item.chunks.length, 0);
    return withTransaction(this.options.pool, async (client) => {
      const { rows } = await client.query<{ id: string }>('INSERT INTO embedding_jobs (articles, chunk_count) VALUES ($1::jsonb, $2) RETURNING id', [
        JSON.stringify(articles),
        chunkCount,
      ]);
      const id = Number(rows[0]!.id);
      await client.query('INSERT INTO embedding_job_articles (article_id, job_id, content_hash) SELECT unnest($1::text[]), $2, unnest($3::text[]) ON CONFLICT DO NOTHING', [
        articles.map((item) => item.article.id),
        id,
        articles.map((item) => item.contentHash),
      ]);
      return id;
    });
  }

  async take(owner: string, leaseMs: number): Promise<EmbeddingJob | null> {
    const { rows } = await this.options.pool.query<{ id: string; attempts: number; articles: QueuedArticle[] }>(
      `UPDATE embedding_jobs SET state = 'leased', lease_owner = $1, attempts = attempts + 1,
         lease_expires_at = clock_timestamp() + $2 * interval '1 millisecond',
         first_taken_at = coalesce(first_taken_at, clock_timestamp())
       WHERE id = (
         SELECT id FROM embedding_jobs
         WHERE state = 'pending' OR (state = 'leased' AND lease_expires_at < clock_timestamp())
         ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
       )
       RETURNING id, attempts, articles`,
      [owner, leaseMs],
    );
    const row = rows[0];
    return row ? { id: Number(row.id), attempts: row.attempts, articles: row.articles } : null;
  }

  async renew(jobId: number, owner: string, leaseMs: number): Promise<boolean> {
    const { rowCount } = await this.options.pool.query(
      `UPDATE embedding_jobs SET lease_expires_at = clock_timestamp() + $3 * interval '1 millisecond'
       WHERE id = $1 AND state = 'leased' AND lease_owner = $2`,
      [jobId, owner, leaseMs],
    );
    return rowCount === 1;
  }

  async complete(job: EmbeddingJob, owner: string, vectors: readonly Float32Array[]): Promise<CompleteJobResult> {
    const chunkCount = job.articles.reduce((sum, item) => sum + item.chunks.length, 0);
    if (vectors.length !== chunkCount) throw new RangeError(`job ${job.id} has ${chunkCount} chunks but ${vectors.length} vectors; pass one vector per chunk`);
    for (const vector of vectors) {
      if (vector.length !== this.options.dimensions)
        throw new RangeError(`a vector of job ${job.id} has ${vector.length} dimensions, the queue expects ${this.options.dimensions}`);
    }
    return withTransaction(this.options.pool, async (client) => {
      // The row lock makes a second completer (whose lease expired and was taken over) wait, then see the job done.
      const held = await client.query('SELECT 1 FROM embedding_jobs WHERE id = $1 AND state = $2 AND lease_owner = $3 FOR UPDATE', [job.id, 'leased', owner]);
      if (held.rowCount !== 1) return { status: 'lease-lost' } as const;
      const listed = await client.query<{ article_id: string }>('SELECT article_id FROM embedding_job_articles WHERE job_id = $1', [job.id]);
      const stillQueued = new Set(listed.rows.map((row) => row.article_id));
      // A newer job may have committed a later version of an article already: keep that one.
      const newer = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[]) AND job_id > $2 FOR UPDATE', [[...stillQueued], job.id]);
      for (const row of newer.rows) stillQueued.delete(row.id);
      const written: QueuedArticle['article'][] = [];
      const updatedInPlace: string[] = [];
      let chunks = 0;
      let next = 0;
      for (const item of job.articles) {
        const itemVectors = vectors.slice(next, next + item.chunks.length);
        next += item.chunks.length;
        if (!stillQueued.has(item.article.id)) continue;
        const rows = await writeArticleRows(client, { ...item, vectors: itemVectors }, { ...this.options, jobId: job.id });
        if (rows.updatedInPlace) updatedInPlace.push(item.article.id);
        written.push(item.article);
        chunks += item.chunks.length;
      }
      if (written.length > 0) {
        const corrected = await writeCorrectionLinks(client, written, { updatedInPlace, carried: [] }, this.options.timeZone ?? 'UTC');
        await appendChanges(client, [...written.map((article) => article.id), ...corrected], 'upsert');
      }
      await client.query(`UPDATE embedding_jobs SET state = 'done', done_at = clock_timestamp(), done_by = $2, articles = '[]'::jsonb, lease_expires_at = NULL WHERE id = $1`, [
        job.id,
        owner,
      ]);
      await client.query('DELETE FROM embedding_job_articles WHERE job_id = $1', [job.id]);
      return { status: 'committed', articles: written.length, chunks } as const;
    });
  }

  async progress(fromJobId = 0, toJobId = Number.MAX_SAFE_INTEGER): Promise<QueueProgress> {
    const window = this.options.rateWindowSeconds ?? 60;
    const { rows } = await this.options.pool.query<{
      total: string;
      done: string;
      pending: string;
      leased: string;
      done_jobs: string;
      workers: string;
      recent_chunks: string;
      recent_seconds: number | null;
    }>(
      `WITH now AS (SELECT clock_timestamp() AS at),
       scope AS (SELECT * FROM embedding_jobs WHERE id BETWEEN $1 AND $3),
       recent AS (
         SELECT coalesce(sum(chunk_count), 0) AS chunks, extract(epoch FROM (SELECT at FROM now) - min(first_taken_at)) AS seconds
         FROM embedding_jobs WHERE state = 'done' AND done_at > (SELECT at FROM now) - $2 * interval '1 second'
       )
       SELECT coalesce(sum(chunk_count), 0) AS total,
         coalesce(sum(chunk_count) FILTER (WHERE state = 'done'), 0) AS done,
         count(*) FILTER (WHERE state = 'pending' OR (state = 'leased' AND lease_expires_at < (SELECT at FROM now))) AS pending,
         count(*) FILTER (WHERE state = 'leased' AND lease_expires_at >= (SELECT at FROM now)) AS leased,
         count(*) FILTER (WHERE state = 'done') AS done_jobs,
         count(DISTINCT lease_owner) FILTER (WHERE state = 'leased' AND lease_expires_at >= (SELECT at FROM now)) AS workers,
         (SELECT chunks FROM recent) AS recent_chunks,
         (SELECT least(seconds, $2)::float8 FROM recent) AS recent_seconds
       FROM scope`,
      [fromJobId, window, toJobId],
    );
    const row = rows[0]!;
    const totalChunks = Number(row.total);
    const doneChunks = Number(row.done);
    const recentChunks = Number(row.recent_chunks);
    const chunksPerSecond = recentChunks > 0 && row.recent_seconds !== null && row.recent_seconds > 0 ? recentChunks / row.recent_seconds : null;
    const open = totalChunks - doneChunks;
    return {
      totalChunks,
      doneChunks,
      pendingJobs: Number(row.pending),
      leasedJobs: Number(row.leased),
      doneJobs: Number(row.done_jobs),
      activeWorkers: Number(row.workers),
      chunksPerSecond,
      etaSeconds: open === 0 ? 0 : chunksPerSecond ? open / chunksPerSecond : null,
    };
  }
}
