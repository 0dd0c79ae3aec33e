import type { Article, IngestError } from '../article.js';
import { FetchError } from '../fetch/fetch-error.js';
import type { FetchOptions } from '../fetch/fetch-options.js';
import { fetchResource } from '../fetch/fetch-resource.js';
import { decodeHtml } from '../html/decode-html.js';
import { extractArticleFromHtml } from '../html/extract-article-from-html.js';
import { classifyResponse } from './classify-response.js';
import { parseFeed } from './parse-feed.js';
import { readFeedItems, type FeedItemOutcome, type ReadFeedItemsOptions } from './read-feed-items.js';

/** Options for `readUrl`: the fetch settings (conditional headers apply to the URL itself only) and the feed item options. */
export interface ReadUrlOptions extends Partial<Omit<ReadFeedItemsOptions, 'fetch'>> {
  fetch?: FetchOptions;
}

interface Validators {
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
}

/** A 304, a feed with its items, or a single article page. */
export type ReadUrlResult =
  | ({ kind: 'not-modified' } & Validators)
  | ({ kind: 'feed'; articles: Article[]; errors: IngestError[]; outcomes: FeedItemOutcome[] } & Validators)
  | ({ kind: 'page'; articles: Article[]; errors: IngestError[] } & Validators);

/**
 * Fetches a URL and reads it as a feed (every item an Article) or as an article page.
 * Throws `FetchError` when the URL itself cannot be fetched or is neither, `FeedParseError` when the feed is malformed.
 */
export async function readUrl(url: string, options: ReadUrlOptions = {}): Promise<ReadUrlResult> {
  const fetchOptions = options.fetch ?? {};
  const response = await fetchResource(url, fetchOptions);
  const validators: Validators = { finalUrl: response.finalUrl, etag: response.etag, lastModified: response.lastModified };
  if (response.notModified) return { kind: 'not-modified', ...validators };
  const { text } = decodeHtml(response.body, response.contentType);
  const kind = classifyResponse(response.contentType, text);
  if (kind === 'feed') {
    const feed = await parseFeed(text, response.finalUrl);
    const items = await readFeedItems(feed.items, response.finalUrl, { ...options, fetch: fetchOptions });
    return { kind: 'feed', ...validators, ...items };
  }
  if (kind === 'page') {
    const article = extractArticleFromHtml(text, response.finalUrl, { source: url, date: options.date ?? null });
    const errors = article ? [] : [{ source: url, message: 'no readable article text found in the page' }];
    return { kind: 'page', ...validators, articles: article ? [article] : [], errors };
  }
  throw new FetchError('unsupported-content', response.finalUrl, `expected an HTML page or an RSS/Atom feed, got ${response.contentType ?? 'a body of unknown type'}`);
}
