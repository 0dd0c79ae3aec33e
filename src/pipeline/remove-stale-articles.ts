import type { Archive } from './archive.js';

/** Sources read in full in one run, and the ids of every article read from them. */
export interface ReadInFull {
  completeSources: readonly string[];
  articleIds: ReadonlySet<string>;
}

/**
 * After a source was re-read in full, removes the articles it used to hold but no longer does
 * (a retitled or deleted article). Sources read with errors are left alone: nothing is lost
 * because a file was unreadable this time.
 */
export function removeStaleArticles(archive: Pick<Archive, 'store' | 'removeArticles'>, read: ReadInFull): number | Promise<number> {
  const stale = read.completeSources.flatMap((source) => archive.store.articleIdsBySource(source)).filter((id) => !read.articleIds.has(id));
  return stale.length > 0 ? archive.removeArticles([...new Set(stale)]) : 0;
}
