import type { Config } from '../config/config.js';
import type { Logger } from '../shared/logger.js';
import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Retriever } from '../retrieval/passage.js';
import type { Answerer } from '../answer/answer-result.js';
import type { Article } from '../ingest/article.js';
import type { IndexSummary } from './index-articles.js';

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
  /** Chunks, embeds and stores articles incrementally (unchanged ones cost nothing), then saves the index. */
  indexArticles(articles: Article[], options?: { onProgress?: (processed: number) => void }): Promise<IndexSummary>;
  /** Removes articles everywhere (database and vector index). Returns how many were removed. */
  removeArticles(articleIds: string[]): number;
  /** Saves the index and closes the database. */
  close(): void;
}
