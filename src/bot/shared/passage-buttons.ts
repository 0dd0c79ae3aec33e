import type { InlineKeyboardButton } from 'telegraf/types';
import type { Citation } from '../../answer/answer-result.js';
import type { Messages } from './i18n/messages.js';

/** Source buttons per keyboard row. */
const BUTTONS_PER_ROW = 4;

/** Callback data of a passage button: `src:<chunkId>:<n>` (the chunk the citation quotes; 64 bytes at most). */
export const PASSAGE_BUTTON = /^src:(\d+):(\d+)$/;

/** The `[n]` buttons under an answer, one per citation, each opening the passage it quotes (handled in sources/). */
export function passageButtonRows(citations: readonly Citation[], messages: Messages): InlineKeyboardButton[][] {
  const buttons = citations.map((citation) => ({ text: messages.passageButton(citation.n), callback_data: `src:${citation.chunkId}:${citation.n}` }));
  const rows: InlineKeyboardButton[][] = [];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW) rows.push(buttons.slice(start, start + BUTTONS_PER_ROW));
  return rows;
}
