import { deriveArticleId } from './derive-article-id.js';

/**
 * Hands out derived ids for one source, numbering repeated titles so two articles of the same page
 * titled alike don't collide.
 */
export function createIdAllocator(source: string): (title: string) => string {
  const seen = new Map<string, number>();
  return (title) => {
    const occurrence = (seen.get(title) ?? 0) + 1;
    seen.set(title, occurrence);
    return deriveArticleId(source, title, occurrence);
  };
}
