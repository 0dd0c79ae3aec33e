import type { Article } from '../ingest/article.js';
import type { Chunk } from '../chunking/chunk.js';

/** One article to write to the system of record, with its chunks and their vectors (same order). */
export interface ArticleWrite {
  article: Article;
  contentHash: string;
  chunks: Chunk[];
  /** One vector per chunk, made once at ingest; replicas copy them instead of embedding again. */
  vectors: Float32Array[];
  /** The day (YYYY-MM-DD) it was last updated in place, when another archive knows it (`newsbot migrate`); absent: found by comparing with the stored version. */
  updatedOn?: string | null;
}

/** What `writeArticles` did. */
export interface WriteArticlesResult {
  /** New chunk ids per written article (in batch order, each in chunk order); they are vector-index labels everywhere. */
  chunkIds: number[][];
  /** Change-log position of the batch's last entry; a replica at or past it holds the batch (0 for an empty batch, which writes nothing). */
  position: number;
}

/** What `removeArticles` did. */
export interface RemoveArticlesResult {
  /** Ids that were present and are now gone (absent ids are skipped). */
  removedArticleIds: string[];
  /** Change-log position of the last removal, or null when nothing was removed. */
  position: number | null;
}

/**
 * Port for writing articles to the shared system of record (PostgreSQL). Every write appends to
 * a change log that local search replicas follow; readers never see a position committed after a
 * later one.
 */
export interface ArticleWriter {
  /** Content hashes of the stored articles among `articleIds` (absent ones are left out). */
  articleHashes(articleIds: readonly string[]): Promise<Map<string, string>>;
  /** Inserts or replaces the articles, their chunks and vectors in one transaction. */
  writeArticles(batch: readonly ArticleWrite[]): Promise<WriteArticlesResult>;
  /** Deletes articles and their chunks in one transaction (a retraction reaches every replica). */
  removeArticles(articleIds: readonly string[]): Promise<RemoveArticlesResult>;
}
