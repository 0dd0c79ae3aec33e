import type { Article } from '../ingest/article.js';
import type { Chunk } from '../chunking/chunk.js';

/** An article waiting for the vectors of its chunks. */
export interface QueuedArticle {
  article: Article;
  contentHash: string;
  chunks: Chunk[];
}

/** A leased batch: embed every chunk of every article, in order, then `complete` it. */
export interface EmbeddingJob {
  id: number;
  /** 1 on the first lease; more when an earlier holder died or lost its lease. */
  attempts: number;
  articles: QueuedArticle[];
}

/** How `complete` ended. */
export type CompleteJobResult =
  /** The articles, chunks, vectors and change-log entries are committed with the job marked done. */
  | { status: 'committed'; articles: number; chunks: number }
  /** The lease had passed to another worker (or the job was done): nothing was written. */
  | { status: 'lease-lost' };

/** The queue's state, for progress bars and `newsbot work --status`. */
export interface QueueProgress {
  /** Chunks in the jobs asked about (all jobs by default). */
  totalChunks: number;
  doneChunks: number;
  pendingJobs: number;
  leasedJobs: number;
  doneJobs: number;
  /** Distinct workers holding an unexpired lease now. */
  activeWorkers: number;
  /** Chunks committed per second over the recent window; null before any was. */
  chunksPerSecond: number | null;
  /** Seconds until the open chunks are done at that rate; null when unknown. */
  etaSeconds: number | null;
}

/**
 * Port for embedding as shared work (PostgreSQL mode): ingest enqueues batches of chunked articles,
 * any number of workers lease, embed and complete them. A lease that is not renewed expires and the
 * job returns to the queue; a completion after the lease was lost writes nothing, so each job's
 * vectors are written exactly once.
 */
export interface EmbeddingQueue {
  /** Adds one job; returns its id (ids grow, so a caller can follow "its" jobs). */
  enqueue(articles: readonly QueuedArticle[]): Promise<number>;
  /** Leases the oldest available job (pending, or leased with an expired lease) to `owner`; null when none. */
  take(owner: string, leaseMs: number): Promise<EmbeddingJob | null>;
  /** Extends `owner`'s lease; false when it no longer holds the job. */
  renew(jobId: number, owner: string, leaseMs: number): Promise<boolean>;
  /** Writes the job's articles with `vectors` (one per chunk, in job order) if `owner` still holds it. */
  complete(job: EmbeddingJob, owner: string, vectors: readonly Float32Array[]): Promise<CompleteJobResult>;
  /** Progress of the jobs with ids in `[fromJobId, toJobId]` (default: all). */
  progress(fromJobId?: number, toJobId?: number): Promise<QueueProgress>;
}
