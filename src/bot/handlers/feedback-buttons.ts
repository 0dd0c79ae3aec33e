import type { InlineKeyboardButton } from 'telegraf/types';

/** `fb:<question log id>:up|down`: a reader's vote on the answer under which the button sits. */
export const FEEDBACK_PATTERN = /^fb:(\d{1,15}):(up|down)$/;

/** The 👍 / 👎 row under an answer, for the question-log entry `questionId`. */
export function feedbackButtons(questionId: number): InlineKeyboardButton[] {
  return [
    { text: '👍', callback_data: `fb:${questionId}:up` },
    { text: '👎', callback_data: `fb:${questionId}:down` },
  ];
}
