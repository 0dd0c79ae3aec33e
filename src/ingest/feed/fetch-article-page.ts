import type { Article } from '../article.js';
import { FetchError } from '../fetch/fetch-error.js';
import type { FetchOptions } from '../fetch/fetch-options.js';
import { fetchResource } from '../fetch/fetch-resource.js';
import { decodeHtml } from '../html/decode-html.js';
import { extractArticleFromHtml } from '../html/extract-article-from-html.js';
import { classifyResponse } from './classify-response.js';

/** Fetches an article page (never conditionally) and extracts its article; throws when it cannot. */
export async function fetchArticlePage(url: string, fetchOptions: FetchOptions): Promise<Article> {
  const response = await fetchResource(url, { ...fetchOptions, etag: null, lastModified: null });
  const { text } = decodeHtml(response.body, response.contentType);
  if (classifyResponse(response.contentType, text) !== 'page') {
    throw new FetchError('unsupported-content', response.finalUrl, `expected an HTML page, got ${response.contentType ?? 'a body of unknown type'}`);
  }
  const article = extractArticleFromHtml(text, response.finalUrl, { source: url });
  if (!article) throw new Error(`no readable article text found at ${response.finalUrl}`);
  return article;
}
