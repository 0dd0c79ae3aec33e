import type { Article } from '../ingest/article.js';
import type { Chunk } from '../chunking/chunk.js';
import type { StageTrace } from '../log/stage-trace.js';

/** An article as stored, with bookkeeping. */
export interface StoredArticle extends Article {
  /** Hash of the article's content; unchanged hash = nothing to re-embed. */
  contentHash: string;
  ingestedAt: string;
}

/** A stored chunk with the article fields retrieval and answers need. */
export interface StoredChunk extends Chunk {
  /** Database id; also the label in the vector index. */
  id: number;
  title: string;
  subtitle: string | null;
  date: string | null;
  url: string | null;
  source: string;
}

/** A keyword hit: chunk id and its BM25 score (higher is better). */
export interface KeywordHit {
  id: number;
  score: number;
}

export interface DateRange {
  /** Inclusive YYYY-MM-DD. */
  from?: string;
  /** Inclusive YYYY-MM-DD. */
  to?: string;
}

export interface ArchiveStats {
  articles: number;
  chunks: number;
  sources: number;
  newestDate: string | null;
  lastIngestAt: string | null;
}

/** Port for the article database (SQLite by default). */
export interface ArticleStore {
  /** Content hash of a stored article, or null when absent. */
  articleHash(articleId: string): string | null;
  /**
   * Inserts or replaces an article and its chunks in one transaction.
   * Returns the ids of the removed old chunks and of the new chunks (in chunk order).
   */
  upsertArticle(article: Article, contentHash: string, chunks: Chunk[]): { removedChunkIds: number[]; chunkIds: number[] };
  /**
   * Optional batch form of `upsertArticle`: all items in one transaction, results in item order.
   * Ingest uses it when present (one commit and one full-text flush per batch, not per article).
   */
  upsertArticles?(items: readonly { article: Article; contentHash: string; chunks: Chunk[] }[]): { removedChunkIds: number[]; chunkIds: number[] }[];
  /** Deletes an article and its chunks; returns the removed chunk ids (empty when absent). */
  removeArticle(articleId: string): number[];
  /** Ids of the articles that came from a source (file path or URL, JSON records included). */
  articleIdsBySource(source: string): string[];
  getArticle(articleId: string): StoredArticle | null;
  /** An article's paragraphs alone, or null when absent: what answering reads of each retrieved article, the rest of its row left unread. */
  articleParagraphs(articleId: string): string[] | null;
  /** Chunks by id, in the order asked; unknown ids are skipped. */
  getChunks(ids: number[]): StoredChunk[];
  /** Chunks of one article in order. */
  articleChunks(articleId: string): StoredChunk[];
  /** All chunk ids (for drift detection against the vector index). */
  allChunkIds(): number[];
  /** BM25 keyword search over jieba-segmented title + text, best first. `trace` receives the time of each stage. */
  keywordSearch(query: string, limit: number, range?: DateRange, trace?: StageTrace): KeywordHit[];
  /** Newest articles first (by date, then ingest time). */
  latestArticles(limit: number): StoredArticle[];
  /** Articles ingested at or after `since` (ISO time), oldest ingest first, at most `limit`: how /follow sees new ones. */
  articlesIngestedSince(since: string, limit: number): StoredArticle[];
  /** Articles published on a day, in source order. */
  articlesOnDate(date: string): StoredArticle[];
  stats(): ArchiveStats;
  /** How many chunks contain each search term (a CJK bigram or a word), for term weighting. */
  documentFrequencies(terms: readonly string[]): Map<string, number>;
  close(): void;
}
