import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { FollowAlert } from '../../follow/find-follow-alerts.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { safeUrl } from '../shared/render/source-link.js';
import { sourcePageData } from '../shared/source-button-data.js';
import { followMessages } from './follow-messages.js';

/** One alert message: its HTML and its source buttons. */
export interface RenderedFollowAlerts {
  html: string;
  keyboard: InlineKeyboardMarkup | undefined;
}

/** Buttons per row under an alert. */
const BUTTONS_PER_ROW = 3;

/**
 * One chat's alerts as one short message: per topic a heading, per article its title (a link when it has a web
 * address), date and the sentence that carries the news; a numbered button under it opens each article (/source's
 * first page). Everything from the archive or the reader is escaped.
 */
export function renderFollowAlerts(alerts: readonly FollowAlert[]): RenderedFollowAlerts {
  const messages = followMessages(alerts[0]?.follow.language ?? 'zh');
  const topics = [...new Set(alerts.map((alert) => alert.follow.topic))];
  // Numbered in the order shown: grouped by topic.
  const ordered = topics.flatMap((topic) => alerts.filter((alert) => alert.follow.topic === topic));
  const buttons: InlineKeyboardButton[] = [];
  const blocks = topics.map((topic) => {
    const lines = ordered
      .filter((alert) => alert.follow.topic === topic)
      .map(({ entry }) => {
        const n = ordered.findIndex((alert) => alert.entry.articleId === entry.articleId) + 1;
        const data = sourcePageData(entry.articleId, 1);
        if (data) buttons.push({ text: messages.sourceButton(n), callback_data: data });
        const url = safeUrl(entry.url);
        const title = escapeHtml(`《${entry.title}》`);
        const linked = url ? `<a href="${escapeHtml(url)}">${title}</a>` : title;
        return `${n}. <b>${linked}</b> ${escapeHtml(entry.date ?? messages.undated)}\n${escapeHtml(entry.text)}`;
      });
    return `${messages.alertHeading(escapeHtml(topic))}\n${lines.join('\n')}`;
  });
  const rows: InlineKeyboardButton[][] = [];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW) rows.push(buttons.slice(start, start + BUTTONS_PER_ROW));
  return { html: blocks.join('\n\n'), keyboard: rows.length > 0 ? { inline_keyboard: rows } : undefined };
}
