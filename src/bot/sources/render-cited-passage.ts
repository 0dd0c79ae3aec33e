import type { StoredChunk } from '../../store/article-store.js';
import type { Messages } from '../shared/i18n/messages.js';
import { escapeHtml } from '../../telegram/escape-html.js';
import { renderSourceLine } from '../shared/render/source-link.js';

/** The passage behind a source button: where it comes from (and `notes` such as its corrections), the passage quoted, and how to get the full text. */
export function renderCitedPassage(chunk: StoredChunk, messages: Messages, labelHtml: string, notes: readonly string[] = []): string {
  return [
    `<b>${labelHtml}</b> ${renderSourceLine(chunk, messages.undated)}`,
    ...notes,
    `<blockquote>${escapeHtml(chunk.text.trim())}</blockquote>`,
    messages.fullTextHint(`/source ${chunk.articleId}`),
  ].join('\n');
}
