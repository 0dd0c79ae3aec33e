import type { DomDocument } from './parse-document.js';
import { normalizeDate } from './normalize-date.js';

/** What a page says about itself in `<meta>`, `<link rel=canonical>` and JSON-LD. */
export interface PageMetadata {
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
// Bylines in Chinese papers carry a role before the name: 本报记者 张三, 文/李四.
const BYLINE_ROLE = /^(本报)?(记者|通讯员|作者|编辑|责任编辑|责编|文|图)\s*[:：/／]?\s*/;

/** Reads title, canonical URL, date, authors and section, preferring JSON-LD, then Open Graph / article tags. */
export function readPageMetadata(document: DomDocument, pageUrl: string | null): PageMetadata {
  const jsonLd = findJsonLdArticle(document);
  const meta = (selector: string): string | null => {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    return value ? value : null;
  };
  const title = text(jsonLd?.headline) ?? meta('meta[property="og:title" i]') ?? (document.title.trim() || null);
  const canonical = document.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? meta('meta[property="og:url" i]') ?? text(jsonLd?.url);
  const dateText = [text(jsonLd?.datePublished), ...DATE_META.map(meta), document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null];
  const date = dateText.map(normalizeDate).find((value) => value !== null) ?? null;
  const authorSources: unknown[] = [jsonLd?.author, meta('meta[property="article:author" i]'), meta('meta[name="author" i]')];
  const authors = authorSources.map(authorNames).find((names) => names.length > 0) ?? [];
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

function authorNames(value: unknown): string[] {
  const names = [value].flat().flatMap((entry): string[] => {
    if (typeof entry === 'string') return entry.split(/[,，、;；|]/);
    if (entry && typeof entry === 'object' && typeof (entry as JsonObject).name === 'string') return [(entry as JsonObject).name as string];
    return [];
  });
  return names
    .map((name) => name.trim().replace(BYLINE_ROLE, '').trim())
    .filter((name) => name.length > 0 && !/^https?:\/\//.test(name));
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
