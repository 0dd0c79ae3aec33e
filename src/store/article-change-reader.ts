import type { Article } from '../ingest/article.js';
import type { ArticleCorrection } from './correction-store.js';

/** One entry of the change log: an article was written or removed. */
export interface ArticleChange {
  /** Increasing; commit order equals position order (gaps are rolled-back writes). */
  position: number;
  articleId: string;
  kind: 'upsert' | 'remove';
  committedAt: Date;
}

/** A chunk as the system of record holds it, with its vector. */
export interface ReplicatedChunk {
  /** Chunk id in the system of record; the same label in every replica's vector index. */
  id: number;
  ordinal: number;
  text: string;
  heading: string;
  /** Embedder that made `vector` (model + settings). */
  embedderId: string;
  vector: Float32Array;
}

/** An article's current state in the system of record: the article, all its chunks, and what corrected or updated it. */
export interface ReplicatedArticle {
  article: Article;
  contentHash: string;
  /** ISO time the article was last written. */
  ingestedAt: string;
  /** In ordinal order. */
  chunks: ReplicatedChunk[];
  /** The printed corrections linked to it, oldest first (a replica replaces its copy of them with these). */
  corrections: ArticleCorrection[];
  /** The last day it was updated in place, or null. */
  updatedOn: string | null;
}

/** A stored vector, fetched by chunk id (to mend a replica's vector index). */
export interface ChunkVector {
  id: number;
  embedderId: string;
  vector: Float32Array;
}

/** Port for reading the system of record's change log and current rows (what a replica follows). */
export interface ArticleChangeReader {
  /** Changes with a position above `position`, oldest first, at most `limit`. */
  changesAfter(position: number, limit: number): Promise<ArticleChange[]>;
  /** Current state of the articles that exist among `articleIds`, read from one snapshot; absent ids are left out. */
  articlesWithChunks(articleIds: readonly string[]): Promise<ReplicatedArticle[]>;
  /** Vectors of the chunks that exist among `chunkIds`. */
  chunkVectors(chunkIds: readonly number[]): Promise<ChunkVector[]>;
  /** Position of the newest committed change (0 when the log is empty). */
  headPosition(): Promise<number>;
}
