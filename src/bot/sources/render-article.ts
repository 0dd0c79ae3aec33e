import type { StoredArticle } from '../../store/article-store.js';
import type { Messages } from '../shared/i18n/messages.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { renderSourceLine } from '../shared/render/source-link.js';

/** A whole article as HTML (title, subtitle, source line, `notes` such as its corrections, authors, paragraphs); split it before sending. */
export function renderArticle(article: StoredArticle, messages: Messages, notes: readonly string[] = []): string {
  const header = [`<b>${escapeHtml(article.title)}</b>`];
  if (article.subtitle) header.push(`<i>${escapeHtml(article.subtitle)}</i>`);
  header.push(renderSourceLine(article, messages.undated), ...notes);
  if (article.authors.length > 0) header.push(escapeHtml(article.authors.join('、')));
  const body = article.paragraphs.map((paragraph) => escapeHtml(paragraph.trim())).filter((paragraph) => paragraph.length > 0);
  return [header.join('\n'), ...body].join('\n\n');
}
