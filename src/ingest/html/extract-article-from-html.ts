import { Readability } from '@mozilla/readability';
import type { Article } from '../article.js';
import { articleIdFromUrl } from './article-id.js';
import { extractParagraphs } from './extract-paragraphs.js';
import { normalizeDate } from './normalize-date.js';
import { parseDocument, type DomDocument, type DomElement } from './parse-document.js';
import { readPageMetadata } from './read-page-metadata.js';
import { splitAuthorNames } from './split-author-names.js';

/** Options for `extractArticleFromHtml`; all optional. */
export interface ExtractArticleOptions {
  /** Article.source; defaults to `url`, else the canonical URL. */
  source?: string;
  /** Article.id; defaults to one derived from the canonical URL (else `url`, else the source). */
  id?: string;
  /** Used when the page declares no date of its own (default null: never invented). */
  date?: string | null;
  /** Article.position (default 0). */
  position?: number;
  /** Fewer characters of body text than this means no article (default 40): a page of links is not news. */
  minTextChars?: number;
}

/**
 * Extracts the main article of an HTML page with Mozilla Readability (over linkedom), and its
 * metadata from JSON-LD, Open Graph / `article:*` tags and the canonical link.
 * Returns null when the page has no readable text.
 */
export function extractArticleFromHtml(html: string, url: string | null, options: ExtractArticleOptions = {}): Article | null {
  const document = parseDocument(html);
  // Readability rewrites the document, so metadata is read first.
  const metadata = readPageMetadata(document, url);
  const headline = pageHeadline(document);
  const readable = new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement }).parse();
  if (!readable?.content) return null;
  const { paragraphs, captions } = extractParagraphs(readable.content);
  const title = metadata.title ?? headline ?? (readable.title?.trim() || '');
  const body = paragraphs.filter((paragraph) => paragraph !== title);
  if (body.join('').length < (options.minTextChars ?? 40)) return null;
  const canonicalUrl = metadata.url ?? url;
  const source = options.source ?? url ?? canonicalUrl ?? '';
  return {
    id: options.id ?? articleIdFromUrl(canonicalUrl ?? (source || title)),
    title,
    subtitle: null,
    paragraphs: body,
    date: metadata.date ?? normalizeDate(readable.publishedTime) ?? options.date ?? null,
    url: canonicalUrl,
    authors: metadata.authors.length > 0 ? metadata.authors : splitAuthorNames(readable.byline),
    section: metadata.section,
    source,
    photoCaption: captions.length > 0 ? captions.join(' ') : null,
    position: options.position ?? 0,
  };
}

/**
 * The page's one `<h1>` when the `<title>` contains it: Chinese sites suffix titles with the site
 * name after `_`, which Readability's title cleanup does not recognize.
 */
function pageHeadline(document: DomDocument): string | null {
  const headings = Array.from(document.querySelectorAll('h1'));
  const text = headings.length === 1 ? headings[0]?.textContent?.replace(/\s+/g, ' ').trim() : null;
  return text && document.title.includes(text) ? text : null;
}
