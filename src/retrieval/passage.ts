import type { StoredChunk, DateRange } from '../store/article-store.js';
import type { StageTrace } from '../log/stage-trace.js';

/** A retrieved chunk with its fused score. */
export interface Passage extends StoredChunk {
  /** Fused score (reciprocal rank fusion), higher is better. */
  score: number;
  /** 1-based rank in the keyword list, or null when absent there. */
  keywordRank: number | null;
  /** 1-based rank in the vector list, or null when absent there. */
  vectorRank: number | null;
  /** Cosine similarity from the vector index, or null. */
  similarity: number | null;
  /** Raw BM25 score (higher is better), or null. */
  bm25: number | null;
  /**
   * The cross-encoder's score (RERANK_MODEL; the model's logit, higher is better), by which the
   * passage was reordered; null or absent when no reranker read it.
   */
  rerankScore?: number | null;
}

export interface SearchOptions {
  /** Passages to return (default 5). */
  k?: number;
  /** Most passages from one article (default 2). */
  perArticle?: number;
  range?: DateRange;
  /** Only passages of these articles (asking about one story); default: every article. */
  articleIds?: readonly string[];
  /**
   * Articles to favour: their passages' fused scores are raised (see `HybridRetrieverOptions.preferenceBoost`),
   * so a follow-up finds the previous answer's story first; unlike `articleIds`, others still come back.
   */
  preferArticleIds?: readonly string[];
  /** Receives the time of each retrieval stage (benches). */
  trace?: StageTrace;
}

/** Port for passage retrieval. */
export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<Passage[]>;
}
