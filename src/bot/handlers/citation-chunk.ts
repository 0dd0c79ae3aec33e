import type { Citation } from '../../answer/answer-result.js';
import type { ArticleStore } from '../../store/article-store.js';

/**
 * The stored chunk a citation quotes, or null when its article is gone (removed, re-ingested with other chunks).
 * Source buttons carry this id (callback data is limited to 64 bytes; article ids may be long).
 */
export function citationChunkId(store: ArticleStore, citation: Citation): number | null {
  return store.articleChunks(citation.articleId).some((chunk) => chunk.id === citation.chunkId) ? citation.chunkId : null;
}
