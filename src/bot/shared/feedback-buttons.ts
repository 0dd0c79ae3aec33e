import { timingSafeEqual } from 'node:crypto';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { ReaderKeys } from '../../question-log/reader-keys.js';

/**
 * `fb:<question log id>:up|down:<signature>`: a reader's vote on the answer under which the button sits. The
 * signature binds the button to the reader who asked and the chat it was answered in, so nobody else can vote
 * with it, nor with a hand-made one for another id.
 */
export const FEEDBACK_PATTERN = /^fb:(\d{1,15}):(up|down):([A-Za-z0-9_-]{16})$/;

/** Who may vote on an answer: the reader who asked, in the chat where it was asked. */
export interface Voter {
  chatId: number;
  userId: number;
}

/** The 👍 / 👎 row under an answer to the question-log entry `questionId`, for the reader who asked it. */
export function feedbackButtons(questionId: number, asker: Voter, keys: ReaderKeys): InlineKeyboardButton[] {
  const signature = keys.signature(voteSubject(questionId, asker));
  return [
    { text: '👍', callback_data: `fb:${questionId}:up:${signature}` },
    { text: '👎', callback_data: `fb:${questionId}:down:${signature}` },
  ];
}

/** Whether a vote button's signature was made for this presser, in this chat. */
export function isOwnVoteButton(questionId: number, signature: string, presser: Voter, keys: ReaderKeys): boolean {
  const expected = Buffer.from(keys.signature(voteSubject(questionId, presser)));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function voteSubject(questionId: number, voter: Voter): string {
  return `vote:${questionId}:${voter.chatId}:${voter.userId}`;
}
