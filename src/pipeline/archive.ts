import type { Config } from '../config/config.js';
import type { EmbeddingQueue, QueueProgress } from '../store/embedding-queue.js';
import type { Logger } from '../log/logger.js';
import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { StateStores } from '../store/state-stores.js';
import type { CorrectionStore } from '../store/correction-store.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Reranker } from '../embedding/reranker.js';
import type { Retriever } from '../retrieval/passage.js';
import type { Answerer } from '../answer/answer-result.js';
import type { PinMatcher } from '../answer/pinned/pin-matcher.js';
import type { Article } from '../ingest/article.js';
import type { IndexSummary } from './index-articles.js';
import type { WriteLockRunOptions } from './archive-write-lock.js';
import type { CatchUpResult, ReplicaStatus } from './replica/replica-follower.js';
import type { CompactChangeLogResult } from '../store/postgres/compact-change-log.js';
import type { ReplicaSeed } from '../store/replica-seeds.js';
import type { PublishReplicaSeedResult } from './replica/publish-replica-seed.js';

/** Options of `Archive.indexArticles`. */
export interface IndexArticlesOptions {
  onProgress?: (processed: number) => void;
  /** After each committed batch and at the end, with the articles taken so far (see `IndexArticlesDeps.onCommitted`). */
  onCommitted?: (processed: number) => void | Promise<void>;
  signal?: AbortSignal;
  /** PostgreSQL mode: wait until the queued embedding jobs are written, embedding meanwhile (default true); false returns once they are queued. */
  waitForEmbedding?: boolean;
  /** PostgreSQL mode, while waiting: the queue's progress every few seconds. */
  onEmbeddingProgress?: (progress: QueueProgress) => void;
}

/** A worker's local search replica of the PostgreSQL system of record (DATABASE_URL set). */
export interface ArchiveReplica {
  /** Whether it can answer, how far behind it is; for /health. */
  status(): ReplicaStatus;
  /** Applies every committed change now; rejects while PostgreSQL is unreachable. */
  catchUp(): Promise<CatchUpResult>;
  /** Follows the change log in the background until the archive closes (`serve`). */
  follow(): void;
  /** Deletes the change-log rows every live replica has applied (the leader runs it now and then; see `compactChangeLog`). */
  compactChangeLog(): Promise<CompactChangeLogResult>;
  /** The newest complete replica seed in PostgreSQL, or null. */
  newestSeed(): Promise<ReplicaSeed | null>;
  /** Publishes this replica's files as the newest seed for new workers (see `publishReplicaSeed`). */
  publishSeed(): Promise<PublishReplicaSeedResult>;
}

/**
 * Everything a front end (CLI, bot, scheduler, feed poller) needs, opened once.
 * Built by `openArchive(config, logger)` in `open-archive.ts`.
 */
export interface Archive {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: ArticleStore;
  readonly index: VectorIndex;
  /** Resolves once the vector index is read (at once unless opened with `vectorIndex: 'background'`). */
  readonly vectorIndexLoaded?: Promise<void>;
  readonly embedder: Embedder;
  /** The loaded cross-encoder that `retriever` reorders passages by (RERANK_MODEL); null or absent when there is none. */
  readonly reranker?: Reranker | null;
  readonly retriever: Retriever;
  readonly answerer: Answerer;
  /** Finds the editors' pinned answer a question asks for (what `answerer` serves first); null or absent without pins. */
  readonly pinMatcher?: PinMatcher | null;
  /** Printed corrections linked to the articles they correct, and articles updated in place (in PostgreSQL mode, the replica's copy). */
  readonly corrections?: CorrectionStore;
  /** Present in PostgreSQL mode: `store` and `index` are then this replica, kept in step with PostgreSQL. */
  readonly replica?: ArchiveReplica;
  /** PostgreSQL mode: the embedding queue `indexArticles` fills and workers take from. */
  readonly embeddingQueue?: EmbeddingQueue;
  /**
   * Subscriptions, sent digests, feed state, chat memory and rate limits, each behind its port and
   * kept in the archive's database. Front ends hand each service only the stores it needs.
   */
  readonly state: StateStores;
  /**
   * Chunks, embeds and stores articles incrementally (unchanged ones cost nothing), then saves the
   * index; holds the write lock meanwhile. `signal` (shutdown) stops waiting for the lock, or the
   * indexing before its next batch (committed batches stay).
   */
  indexArticles(articles: readonly Article[] | AsyncIterable<Article>, options?: IndexArticlesOptions): Promise<IndexSummary>;
  /**
   * Removes articles everywhere (database and vector index). Returns how many were removed.
   * Outside `withWriteLock` it takes the write lock itself, waiting at most 30 s for another writer.
   * Synchronous on SQLite; a promise in PostgreSQL mode.
   */
  removeArticles(articleIds: string[]): number | Promise<number>;
  /**
   * Runs `work` holding the archive's cross-process write lock (waiting while another process
   * holds it), with the vector index first brought up to date; `indexArticles` and
   * `removeArticles` inside it do not lock again. Use it to make several writes one unit
   * (`ingest`). Absent on archives that have no other writers (test fakes).
   */
  withWriteLock?<T>(purpose: string, work: () => Promise<T>, options?: WriteLockRunOptions): Promise<T>;
  /** Saves the index and closes the database (in PostgreSQL mode also stops following and ends the pool: await it). */
  close(): void | Promise<void>;
}
