import { escapeHtml } from '../../../telegram/escape-html.js';

/** What a rendered source line needs to know about an article. */
export interface SourceFields {
  title: string;
  date: string | null;
  url: string | null;
  source: string;
}

/** A short, human name for where an article came from: a URL's host, or a file's name. */
export function sourceName(source: string): string {
  try {
    const url = new URL(source);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.host;
  } catch {
    // not a URL: a file path
  }
  const withoutRecord = source.replace(/#\d+$/, '');
  return (
    withoutRecord
      .split(/[\\/]/)
      .filter((segment) => segment.length > 0)
      .pop() ?? withoutRecord
  );
}

/** Only web links become `href`s; anything else (javascript:, file paths) stays text. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** `title` as a link when the article has a web address, else `title (source name)`; then the date. */
export function renderSourceLine(fields: SourceFields, undated: string): string {
  const url = safeUrl(fields.url);
  const title = escapeHtml(fields.title);
  const label = url ? `<a href="${escapeHtml(url)}">${title}</a>` : `${title}（${escapeHtml(sourceName(fields.source))}）`;
  return `${label} · ${escapeHtml(fields.date ?? undated)}`;
}
