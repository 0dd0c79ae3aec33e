import type { Convenience } from 'telegraf/types';

/**
 * The updates the bot asks Telegram for, by long polling and at the webhook alike. Named one by one: left empty,
 * Telegram sends every kind but `message_reaction` (and `chat_member`), and 👍 / 👎 reactions on answers are votes.
 * A feature that handles another kind of update adds it here.
 */
export const ALLOWED_UPDATES: readonly Convenience.UpdateType[] = [
  'message',
  'edited_message',
  'channel_post',
  'callback_query',
  'inline_query',
  'my_chat_member',
  'message_reaction',
];
