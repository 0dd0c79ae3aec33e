import { createHash } from 'node:crypto';

/**
 * A stable article id from where it came from and its title, so re-ingesting the same file updates
 * the same articles. `occurrence` (2, 3, …) separates articles that share a title within one source.
 */
export function deriveArticleId(source: string, title: string, occurrence = 1): string {
  const key = occurrence > 1 ? `${source}\n${title}\n${occurrence}` : `${source}\n${title}`;
  return createHash('sha1').update(key).digest('hex').slice(0, 12);
}
