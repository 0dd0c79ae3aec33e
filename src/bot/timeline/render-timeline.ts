import type { TimelineEntry } from '../../timeline/build-timeline.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { safeUrl } from '../shared/render/source-link.js';

/** One line per report: date, the sentence that carries the news, then the title (a link when it has a web address). */
export function renderTimelineEntries(entries: readonly TimelineEntry[], undated: string): string {
  return entries
    .map((entry) => {
      const url = safeUrl(entry.url);
      const title = escapeHtml(`《${entry.title}》`);
      return `<b>${escapeHtml(entry.date ?? undated)}</b> ${escapeHtml(entry.text)} ${url ? `<a href="${escapeHtml(url)}">${title}</a>` : title}`;
    })
    .join('\n');
}
