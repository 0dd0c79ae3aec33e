import type { Config } from '../config/config.js';
import type { Logger } from '../shared/logger.js';
import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Retriever } from '../retrieval/passage.js';
import type { Answerer } from '../answer/answer-result.js';
import type { Article } from '../ingest/article.js';
import type { IndexSummary } from './index-articles.js';
import type { WriteLockRunOptions } from './archive-write-lock.js';

/**
 * Everything a front end (CLI, bot, scheduler, feed poller) needs, opened once.
 * Built by `openArchive(config, logger)` in `open-archive.ts`.
 */
export interface Archive {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: ArticleStore;
  readonly index: VectorIndex;
  readonly embedder: Embedder;
  readonly retriever: Retriever;
  readonly answerer: Answerer;
  /**
   * Chunks, embeds and stores articles incrementally (unchanged ones cost nothing), then saves the
   * index; holds the write lock meanwhile. `signal` stops waiting for the lock (shutdown).
   */
  indexArticles(articles: Article[], options?: { onProgress?: (processed: number) => void; signal?: AbortSignal }): Promise<IndexSummary>;
  /**
   * Removes articles everywhere (database and vector index). Returns how many were removed.
   * Outside `withWriteLock` it takes the write lock itself, waiting at most 30 s for another writer.
   */
  removeArticles(articleIds: string[]): number;
  /**
   * Runs `work` holding the archive's cross-process write lock (waiting while another process
   * holds it), with the vector index first brought up to date; `indexArticles` and
   * `removeArticles` inside it do not lock again. Use it to make several writes one unit
   * (`ingest`). Absent on archives that have no other writers (test fakes).
   */
  withWriteLock?<T>(purpose: string, work: () => Promise<T>, options?: WriteLockRunOptions): Promise<T>;
  /** Saves the index and closes the database. */
  close(): void;
}
