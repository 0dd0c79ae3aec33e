import type { ParsedSource } from '../article.js';
import { readUrl, type ReadUrlOptions } from './read-url.js';

/** Options for `ingestUrl`: `fetch` settings, a fallback `date` for articles that carry none, the full-text threshold for feed items. */
export type IngestUrlOptions = Omit<ReadUrlOptions, 'skipItem'>;

/**
 * Ingests a URL: an RSS/Atom feed gives one Article per item (pages fetched for items without
 * full text), an HTML page gives its article. Never throws: a URL that cannot be fetched or a
 * malformed feed becomes one IngestError, a failing item one IngestError for that item.
 */
export async function ingestUrl(url: string, options: IngestUrlOptions = {}): Promise<ParsedSource> {
  try {
    const result = await readUrl(url, options);
    if (result.kind === 'not-modified') return { articles: [], errors: [] };
    return { articles: result.articles, errors: result.errors };
  } catch (error) {
    return { articles: [], errors: [{ source: url, message: (error as Error).message }] };
  }
}
