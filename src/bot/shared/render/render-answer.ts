import type { AnswerResult } from '../../../answer/answer-result.js';
import type { Messages } from '../i18n/messages.js';
import { escapeHtml } from '../../../telegram/escape-html.js';
import { renderSourceLine } from './source-link.js';

/**
 * An answer as Telegram HTML: the answer text with its `[n]` markers, then the numbered sources.
 * `maxAnswerCharacters` shortens the answer text (not the sources), for places with a hard limit such as inline results.
 */
export function renderAnswer(result: AnswerResult, messages: Messages, maxAnswerCharacters?: number): string {
  const answer = maxAnswerCharacters !== undefined && result.answer.length > maxAnswerCharacters ? `${result.answer.slice(0, maxAnswerCharacters - 1)}…` : result.answer;
  const lines = [escapeHtml(answer.trim())];
  if (result.citations.length > 0) {
    lines.push('', `<b>${messages.sourcesHeading}</b>`);
    for (const citation of result.citations) lines.push(`[${citation.n}] ${renderSourceLine(citation, messages.undated)}`);
  }
  return lines.join('\n');
}
