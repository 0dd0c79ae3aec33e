import Parser from 'rss-parser';
import { htmlToText } from '../html/html-to-text.js';
import { splitAuthorNames } from '../html/split-author-names.js';

/** One feed entry, normalized across RSS 2.0 and Atom. */
export interface FeedItem {
  title: string;
  /** Absolute link to the article page, or null. */
  link: string | null;
  /** RSS guid or Atom id, or null. */
  guid: string | null;
  /** The publication date as written in the feed (not shifted to UTC), or null. */
  publishedText: string | null;
  /** Atom `updated` as written, or null. */
  updatedText: string | null;
  authors: string[];
  /** First category, or null. */
  section: string | null;
  /** Full text or summary HTML (`content:encoded`, Atom content, description, summary), or null. */
  contentHtml: string | null;
}

/** A parsed feed: its title and items in document order. */
export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

/** Raised when a feed is not well-formed XML or is neither RSS nor Atom. */
export class FeedParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedParseError';
  }
}

interface RawItem {
  title?: string;
  link?: string;
  guid?: string;
  id?: string;
  pubDate?: string;
  date?: string;
  publishedRaw?: string;
  updatedRaw?: string;
  creator?: string;
  author?: string;
  content?: string;
  summary?: string;
  'content:encoded'?: string;
  rawCategories?: unknown[];
}

// Raw `published`/`updated` keep the feed's own offset; rss-parser's isoDate is shifted to UTC.
const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: {
    item: [
      ['category', 'rawCategories', { keepArray: true }],
      ['published', 'publishedRaw'],
      ['updated', 'updatedRaw'],
    ] as never,
  },
});

/** Parses RSS 2.0 (also 0.9x / 1.0) or Atom XML; relative links are resolved against `feedUrl`. */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  let output: Parser.Output<RawItem>;
  try {
    output = await parser.parseString(xml);
  } catch (error) {
    throw new FeedParseError(`malformed feed: ${firstLine((error as Error).message)}`, { cause: error });
  }
  return {
    title: output.title ? htmlToText(output.title) : null,
    items: output.items.map((item) => toFeedItem(item, feedUrl)),
  };
}

function toFeedItem(item: RawItem, feedUrl: string): FeedItem {
  return {
    title: item.title ? htmlToText(String(item.title)) : '',
    link: resolveLink(item.link, feedUrl),
    guid: textOf(item.guid) ?? textOf(item.id),
    publishedText: textOf(item.publishedRaw) ?? textOf(item.pubDate) ?? textOf(item.date),
    updatedText: textOf(item.updatedRaw),
    authors: splitAuthorNames(item.creator ?? item.author ?? null),
    section: (item.rawCategories ?? []).map(categoryName).find((name) => name !== null) ?? null,
    contentHtml: textOf(item['content:encoded']) ?? textOf(item.content) ?? textOf(item.summary),
  };
}

function categoryName(category: unknown): string | null {
  if (typeof category === 'string') return textOf(category);
  if (!category || typeof category !== 'object') return null;
  const node = category as { _?: unknown; $?: { term?: unknown; label?: unknown } };
  return textOf(node._) ?? textOf(node.$?.label) ?? textOf(node.$?.term);
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function resolveLink(link: string | undefined, feedUrl: string): string | null {
  const text = textOf(link);
  if (!text) return null;
  try {
    return new URL(text, feedUrl).href;
  } catch {
    return null;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
