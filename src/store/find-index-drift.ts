import type { ArticleStore } from './article-store.js';
import type { VectorIndex } from './vector-index.js';

/** Chunk ids the database has but the index lacks (`missing`), and index labels the database lacks (`extra`). */
export interface IndexDrift {
  missing: number[];
  extra: number[];
}

/** Compares the database (the source of truth) with the vector index, e.g. after a crash between their writes. */
export function findIndexDrift(store: Pick<ArticleStore, 'allChunkIds'>, index: Pick<VectorIndex, 'ids'>): IndexDrift {
  const inDatabase = new Set(store.allChunkIds());
  const inIndex = new Set(index.ids());
  return {
    missing: [...inDatabase].filter((id) => !inIndex.has(id)),
    extra: [...inIndex].filter((id) => !inDatabase.has(id)),
  };
}
