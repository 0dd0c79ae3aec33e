import { createHash } from 'node:crypto';
import type { Article } from '../ingest/article.js';

/** Bump when chunking changes, so re-ingest re-chunks articles whose text did not change. */
export const CHUNKING_VERSION = 1;

/** Hash of everything that ends up in the stored article or its chunks. */
export function contentHash(article: Article): string {
  const { title, subtitle, paragraphs, date, url, authors, section, photoCaption, position } = article;
  return createHash('sha256')
    .update(JSON.stringify([CHUNKING_VERSION, title, subtitle, paragraphs, date, url, authors, section, photoCaption, position]))
    .digest('hex')
    .slice(0, 32);
}
