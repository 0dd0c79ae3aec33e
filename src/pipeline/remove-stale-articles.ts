import type { Archive } from './archive.js';
import type { ReadSourcesResult } from './read-sources.js';

/**
 * After a source was re-read in full, removes the articles it used to hold but no longer does
 * (a retitled or deleted article). Sources read with errors are left alone: nothing is lost
 * because a file was unreadable this time.
 */
export function removeStaleArticles(archive: Archive, read: ReadSourcesResult): number | Promise<number> {
  const current = new Set(read.articles.map((article) => article.id));
  const stale = read.completeSources.flatMap((source) => archive.store.articleIdsBySource(source)).filter((id) => !current.has(id));
  return stale.length > 0 ? archive.removeArticles([...new Set(stale)]) : 0;
}
