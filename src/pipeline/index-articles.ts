import type { Article } from '../ingest/article.js';
import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Logger } from '../log/logger.js';
import { chunkArticle, type ChunkOptions } from '../chunking/chunk-article.js';
import type { Chunk } from '../chunking/chunk.js';
import { contentHash } from './content-hash.js';
import { embedChunks } from './embed-chunks.js';
import { writeThrough } from './write-through.js';
import type { ArticleWriter } from '../store/article-writer.js';
import type { EmbeddingQueue } from '../store/embedding-queue.js';
import { metrics } from '../log/metrics.js';
import { inGroups } from './in-groups.js';

export interface IndexSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Chunks written (new or replaced); with a queue, chunks enqueued for embedding. */
  chunks: number;
  /** With a queue: the ids of the first and last job enqueued (null when nothing was). */
  jobs?: { first: number; last: number } | null;
}

export interface IndexArticlesDeps {
  store: ArticleStore;
  index: VectorIndex;
  embedder: Embedder;
  logger: Logger;
  chunking?: ChunkOptions;
  /** Cuts an article into chunks (default `chunkArticle` with `chunking`); the bench wraps it to time the stage. */
  chunker?: (article: Article, options?: ChunkOptions) => Chunk[];
  /** Called after each batch with the number of articles processed so far. */
  onProgress?: (processed: number) => void;
  /**
   * Stops the run before the next embedding batch (shutdown), rejecting with the signal's reason.
   * Batches already committed stay: the next run finds their articles unchanged.
   */
  signal?: AbortSignal;
  /**
   * Where chunks and vectors go instead of `store` and `index` (PostgreSQL mode): content hashes
   * are compared with the writer's, and the local replica following it adds the vectors later.
   */
  writer?: ArticleWriter;
  /**
   * With `writer`: chunks go to this queue without vectors, in jobs of about `jobChunks` chunks,
   * and embedding workers write them through (PostgreSQL mode). `embedder` is then unused.
   */
  queue?: EmbeddingQueue;
  /** Chunks per queued job. Default 64. */
  jobChunks?: number;
  /**
   * Called after each batch is committed (stored, or queued with a queue) and once at the end, with the number
   * of articles taken from `articles` so far: all of them are then committed or found unchanged, so a reader
   * of a stream can record how far it got (`ingestJsonlFile`'s checkpoint). Awaited before the next article.
   */
  onCommitted?: (processed: number) => void | Promise<void>;
}

/** A changed or new article waiting for its batch. */
interface PendingArticle {
  article: Article;
  hash: string;
  isNew: boolean;
  chunks: Chunk[];
}

/**
 * Chunks per batch: one embedding round and one database transaction each. Each commit flushes a
 * new FTS5 segment that later merges rewrite: at 100,000 chunks, batches of 2,048 instead of 512
 * cut the database's time by half (8,192 would save a little more, but make progress and crash
 * recovery too coarse with a real model at some tens of chunks a second).
 * Batches start at `FIRST_BATCH_CHUNKS` and double: progress shows at once, and an ingest that is
 * interrupted early (a killed process) has already committed work that the next start builds on.
 */
const BATCH_CHUNKS = 2048;
const FIRST_BATCH_CHUNKS = 16;
/** Articles whose stored hashes a writer is asked for at once (PostgreSQL mode: one round trip each). */
const HASH_LOOKUP_GROUP = 512;
/** Chunks per embedding job in PostgreSQL mode: a few seconds of a real model on one core, so a lost lease costs little. */
const DEFAULT_JOB_CHUNKS = 64;

/**
 * Stores articles incrementally: an article whose content hash is unchanged costs no embedding;
 * a changed one replaces its chunks in the database and in the vector index.
 * The database is written first, the index after, and saved at the end: a crash in between
 * leaves drift that `repairIndexDrift` mends on the next start.
 */
export async function indexArticles(deps: IndexArticlesDeps, articles: Iterable<Article> | AsyncIterable<Article>): Promise<IndexSummary> {
  const summary: IndexSummary = { added: 0, updated: 0, unchanged: 0, chunks: 0, ...(deps.queue ? { jobs: null } : {}) };
  const seen = new Set<string>();
  let pending: PendingArticle[] = [];
  let pendingChunks = 0;
  let batchChunks = FIRST_BATCH_CHUNKS;
  let processed = 0;

  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingChunks = 0;
    batchChunks = Math.min(batchChunks * 2, BATCH_CHUNKS);
    if (deps.queue) {
      const jobId = await deps.queue.enqueue(batch.map((item) => ({ article: item.article, contentHash: item.hash, chunks: item.chunks })));
      summary.jobs = { first: summary.jobs?.first ?? jobId, last: jobId };
      for (const item of batch) {
        summary.chunks += item.chunks.length;
        if (item.isNew) summary.added += 1;
        else summary.updated += 1;
      }
      processed += batch.length;
      deps.onProgress?.(processed);
      return;
    }
    const chunks = batch.flatMap((item) => item.chunks);
    const vectors = await embedChunks(deps.embedder, chunks, { signal: deps.signal });
    let vectorIndex = 0;
    const results = deps.writer ? await writeThrough(deps.writer, batch, vectors) : writeBatch(deps.store, batch);
    batch.forEach((item, position) => {
      const { removedChunkIds, chunkIds } = results[position]!;
      if (!deps.writer) {
        for (const id of removedChunkIds) deps.index.remove(id);
        for (const id of chunkIds) deps.index.add(id, vectors[vectorIndex++]!);
      }
      summary.chunks += chunkIds.length;
      if (item.isNew) summary.added += 1;
      else summary.updated += 1;
    });
    processed += batch.length;
    deps.onProgress?.(processed);
    await deps.onCommitted?.(processed);
  };

  // Articles arrive in groups, so a writer's stored hashes are fetched once per group, never for a whole stream at once.
  for await (const group of inGroups(articles, HASH_LOOKUP_GROUP)) {
    const writtenHashes = deps.writer ? await deps.writer.articleHashes(group.map((article) => article.id)) : null;
    for (const article of group) {
      if (seen.has(article.id)) {
        deps.logger.warn({ articleId: article.id, source: article.source }, 'duplicate article id in one ingest; keeping the first');
        processed += 1;
        continue;
      }
      seen.add(article.id);
      const hash = contentHash(article);
      const storedHash = writtenHashes ? (writtenHashes.get(article.id) ?? null) : deps.store.articleHash(article.id);
      if (storedHash === hash) {
        summary.unchanged += 1;
        processed += 1;
        continue;
      }
      const chunks = (deps.chunker ?? chunkArticle)(article, deps.chunking);
      pending.push({ article, hash, isNew: storedHash === null, chunks });
      pendingChunks += chunks.length;
      if (pendingChunks >= (deps.queue ? (deps.jobChunks ?? DEFAULT_JOB_CHUNKS) : batchChunks)) await flush();
    }
  }
  await flush();
  deps.onProgress?.(processed);
  await deps.onCommitted?.(processed);
  deps.index.save();
  for (const result of ['added', 'updated', 'unchanged'] as const) metrics.ingestedArticles.inc({ result }, summary[result]);
  return summary;
}

/** Writes a batch in one transaction when the store can (one commit and one full-text index flush per batch, not per article). */
function writeBatch(store: ArticleStore, batch: readonly PendingArticle[]): ReturnType<ArticleStore['upsertArticle']>[] {
  if (store.upsertArticles) return store.upsertArticles(batch.map((item) => ({ article: item.article, contentHash: item.hash, chunks: item.chunks })));
  return batch.map((item) => store.upsertArticle(item.article, item.hash, item.chunks));
}
