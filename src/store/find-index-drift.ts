import type { ArticleStore } from './article-store.js';
import type { VectorIndex } from './vector-index.js';

/** How the vector index differs from the database (the source of truth). */
export interface IndexDrift {
  /** Chunk ids in the database without a vector: embed and add them. */
  missing: number[];
  /** Labels in the index whose chunk is gone: remove them. */
  extra: number[];
}

/**
 * Compares the database's chunk ids with the index's live labels. They drift apart when the
 * process dies between committing the database and saving the index, or when the index file
 * was unreadable and started empty. Both lists are sorted.
 */
export function findIndexDrift(store: Pick<ArticleStore, 'allChunkIds'>, index: Pick<VectorIndex, 'ids'>): IndexDrift {
  const chunkIds = store.allChunkIds();
  const labels = new Set(index.ids());
  const chunkIdSet = new Set(chunkIds);
  const missing = chunkIds.filter((id) => !labels.has(id)).sort((left, right) => left - right);
  const extra = [...labels].filter((id) => !chunkIdSet.has(id)).sort((left, right) => left - right);
  return { missing, extra };
}
