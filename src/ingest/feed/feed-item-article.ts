import type { Article } from '../article.js';
import { articleIdFromUrl } from '../html/article-id.js';
import { normalizeDate } from '../html/normalize-date.js';
import type { FeedItem } from './parse-feed.js';

/** Article id of a feed item: from its link, else its guid, else feed URL + title; stable across polls. */
export function feedItemArticleId(item: FeedItem, feedUrl: string): string {
  return articleIdFromUrl(item.link ?? item.guid ?? `${feedUrl}#${item.title}`);
}

/** Where a feed item came from, for Article.source and error reports: its link, else the feed URL + position. */
export function feedItemSource(item: FeedItem, feedUrl: string, position: number): string {
  return item.link ?? `${feedUrl}#${position}`;
}

/**
 * Builds the Article for a feed item from its body paragraphs; the feed's own metadata wins,
 * the fetched page (when there is one) fills what the feed leaves out, and `fallbackDate` a date neither has.
 */
export function feedItemArticle(item: FeedItem, feedUrl: string, position: number, paragraphs: string[], page: Article | null, fallbackDate: string | null): Article {
  return {
    id: feedItemArticleId(item, feedUrl),
    title: item.title || page?.title || '',
    subtitle: page?.subtitle ?? null,
    paragraphs,
    date: normalizeDate(item.publishedText) ?? normalizeDate(item.updatedText) ?? page?.date ?? fallbackDate,
    url: item.link ?? page?.url ?? null,
    authors: item.authors.length > 0 ? item.authors : (page?.authors ?? []),
    section: item.section ?? page?.section ?? null,
    source: feedItemSource(item, feedUrl, position),
    photoCaption: page?.photoCaption ?? null,
    position,
  };
}
