import type { Update, UserFromGetMe } from 'telegraf/types';
import { addressedQuestion, startsWithCommand } from '../addressed-question.js';

/** An update that makes the bot send something, and who is behind it. */
export interface RateLimitedRequest {
  /** How a refusal is said: a chat message, a callback answer, an empty inline answer; a reaction, by nothing. */
  kind: 'message' | 'button' | 'inline' | 'reaction';
  userId: number;
  /** The chat it would post in; null for inline queries and presses under inline messages (no chat to flood). */
  chatId: number | null;
}

/**
 * Whether `update` asks the bot for something it answers by sending (and so counts against the rate limits): every
 * button press, every inline query, every text in a private chat, and in a group a command for this bot or a message
 * addressed to it (mention, reply); and every reaction (a vote). Other group messages, edits and membership changes
 * count nothing.
 */
export function rateLimitedRequest(update: Update, bot: UserFromGetMe): RateLimitedRequest | null {
  if ('callback_query' in update) {
    return { kind: 'button', userId: update.callback_query.from.id, chatId: update.callback_query.message?.chat.id ?? null };
  }
  if ('inline_query' in update) return { kind: 'inline', userId: update.inline_query.from.id, chatId: null };
  // A reaction (a vote) sends nothing, but writes: it counts against the reader's window only, never the chat's.
  if ('message_reaction' in update) return update.message_reaction.user ? { kind: 'reaction', userId: update.message_reaction.user.id, chatId: null } : null;
  if (!('message' in update) || !('text' in update.message) || !update.message.from) return null;
  const message = update.message;
  const request: RateLimitedRequest = { kind: 'message', userId: message.from.id, chatId: message.chat.id };
  if (message.chat.type === 'private') return request;
  if (message.chat.type !== 'group' && message.chat.type !== 'supergroup') return null;
  if (startsWithCommand(message)) return commandFor(message.text, bot) ? request : null;
  return addressedQuestion(message, bot) === null ? null : request;
}

/** `/cmd` or `/cmd@thisbot`; `/cmd@otherbot` is another bot's. */
function commandFor(text: string, bot: UserFromGetMe): boolean {
  const target = /^\/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?/.exec(text)?.[1];
  return target === undefined || target.toLowerCase() === bot.username.toLowerCase();
}
