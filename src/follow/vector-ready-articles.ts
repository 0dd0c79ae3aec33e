import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';

/**
 * Of `articleIds`, those whose every chunk the vector index holds: an article another process has just written to the
 * database may wait a moment for its vectors (SQLite: the index file is saved after the rows; PostgreSQL: the replica
 * adds them after its transaction).
 */
export function vectorReadyArticles(store: Pick<ArticleStore, 'articleChunks'>, index: Pick<VectorIndex, 'ids'>, articleIds: readonly string[]): Set<string> {
  if (articleIds.length === 0) return new Set();
  const indexed = new Set(index.ids());
  return new Set(articleIds.filter((articleId) => store.articleChunks(articleId).every((chunk) => indexed.has(chunk.id))));
}
