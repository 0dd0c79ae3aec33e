import type { DomDocument } from './parse-document.js';
import { normalizeDate } from './normalize-date.js';
import { splitAuthorNames } from './split-author-names.js';

/** What a page says about itself in `<meta>`, `<link rel=canonical>` and JSON-LD. */
export interface PageMetadata {
  /** The headline the page declares (JSON-LD, Open Graph); null leaves it to the content. */
  title: string | null;
  /** Canonical URL, resolved against the page URL. */
  url: string | null;
  /** YYYY-MM-DD, or null. */
  date: string | null;
  authors: string[];
  section: string | null;
}

type JsonObject = Record<string, unknown>;
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage)$/;
const DATE_META = [
  'meta[property="article:published_time" i]',
  'meta[itemprop="datePublished" i]',
  'meta[name="pubdate" i]',
  'meta[name="publishdate" i]',
  'meta[name="publish_date" i]',
  'meta[name="dc.date" i]',
  'meta[name="dcterms.created" i]',
  'meta[name="date" i]',
];

/** Reads title, canonical URL, date, authors and section, preferring JSON-LD, then Open Graph / article tags. */
export function readPageMetadata(document: DomDocument, pageUrl: string | null): PageMetadata {
  const jsonLd = findJsonLdArticle(document);
  const meta = (selector: string): string | null => {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    return value ? value : null;
  };
  const title = text(jsonLd?.headline) ?? meta('meta[property="og:title" i]');
  const canonical = document.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? meta('meta[property="og:url" i]') ?? text(jsonLd?.url);
  const dateText = [text(jsonLd?.datePublished), ...DATE_META.map(meta), document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null];
  const date = dateText.map(normalizeDate).find((value) => value !== null) ?? null;
  const authorSources: unknown[] = [jsonLd?.author, meta('meta[property="article:author" i]'), meta('meta[name="author" i]')];
  const authors = authorSources.map(splitAuthorNames).find((names) => names.length > 0) ?? [];
  const section = meta('meta[property="article:section" i]') ?? firstText(jsonLd?.articleSection) ?? meta('meta[name="section" i]');
  return { title, url: resolveUrl(canonical, pageUrl), date, authors, section };
}

function findJsonLdArticle(document: DomDocument): JsonObject | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = flattenJsonLd(data).find((node) => [node['@type']].flat().some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type)));
    if (found) return found;
  }
  return null;
}

function flattenJsonLd(data: unknown): JsonObject[] {
  if (Array.isArray(data)) return data.flatMap(flattenJsonLd);
  if (!data || typeof data !== 'object') return [];
  const node = data as JsonObject;
  return [node, ...flattenJsonLd(node['@graph'])];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function firstText(value: unknown): string | null {
  return text(Array.isArray(value) ? value[0] : value);
}

function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href?.trim()) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
