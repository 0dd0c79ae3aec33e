import type { Article, IngestError } from '../article.js';
import type { FetchOptions } from '../fetch/fetch-options.js';
import { htmlToParagraphs } from '../html/html-to-text.js';
import { feedItemArticle, feedItemArticleId, feedItemSource } from './feed-item-article.js';
import { feedItemFingerprint } from './feed-item-fingerprint.js';
import { fetchArticlePage } from './fetch-article-page.js';
import type { FeedItem } from './parse-feed.js';

/** Options for `readFeedItems`. */
export interface ReadFeedItemsOptions {
  /** Fetch settings for item pages (conditional headers are never sent for them). */
  fetch: FetchOptions;
  /** Date for items whose feed entry and page both carry none (default null: never invented). */
  date?: string | null;
  /** Characters of text above which an item's own content is its full text (default 200); shorter means fetch the page. */
  minFullTextChars?: number;
  /** Items for which this returns true are left out: neither fetched nor returned (the poller's already-seen items). */
  skipItem?: (articleId: string, fingerprint: string) => boolean;
}

/** What happened to one item that was not skipped. */
export interface FeedItemOutcome {
  articleId: string;
  fingerprint: string;
  ok: boolean;
}

/** Articles from a feed's items, one error per failing item, and the outcome of each item read. */
export interface ReadFeedItemsResult {
  articles: Article[];
  errors: IngestError[];
  outcomes: FeedItemOutcome[];
}

/** Turns feed items into Articles, fetching the page of each item without full text; one failing item never stops the others. */
export async function readFeedItems(items: FeedItem[], feedUrl: string, options: ReadFeedItemsOptions): Promise<ReadFeedItemsResult> {
  const minFullTextChars = options.minFullTextChars ?? 200;
  const readOne = async (item: FeedItem, position: number): Promise<{ outcome: FeedItemOutcome; article?: Article; error?: IngestError } | null> => {
    const articleId = feedItemArticleId(item, feedUrl);
    const fingerprint = feedItemFingerprint(item);
    if (options.skipItem?.(articleId, fingerprint)) return null;
    try {
      const ownParagraphs = item.contentHtml ? htmlToParagraphs(item.contentHtml) : [];
      const hasFullText = ownParagraphs.join('').length > minFullTextChars;
      let article: Article;
      if (hasFullText || (!item.link && ownParagraphs.length > 0)) {
        article = feedItemArticle(item, feedUrl, position, ownParagraphs, null, options.date ?? null);
      } else if (item.link) {
        const page = await fetchArticlePage(item.link, options.fetch);
        article = feedItemArticle(item, feedUrl, position, page.paragraphs, page, options.date ?? null);
      } else {
        throw new Error('the item has neither text nor a link');
      }
      return { outcome: { articleId, fingerprint, ok: true }, article };
    } catch (error) {
      const message = `could not read feed item "${item.title}": ${(error as Error).message}`;
      return { outcome: { articleId, fingerprint, ok: false }, error: { source: feedItemSource(item, feedUrl, position), message } };
    }
  };
  // All at once: the per-host limiter inside fetchResource keeps page fetches polite.
  const results = await Promise.all(items.map(readOne));
  const result: ReadFeedItemsResult = { articles: [], errors: [], outcomes: [] };
  for (const entry of results) {
    if (!entry) continue;
    result.outcomes.push(entry.outcome);
    if (entry.article) result.articles.push(entry.article);
    if (entry.error) result.errors.push(entry.error);
  }
  return result;
}
