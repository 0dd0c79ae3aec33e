import type { Update } from 'telegraf/types';

/**
 * The queue an update waits in, so one reader's updates in one chat are handled in order (a follow-up after the
 * question it follows, a button press after the answer it sits under) while everyone else goes on: the chat and
 * the user (`chat:<id>:user:<id>`), the chat alone for updates without a user (channel posts), the user alone for
 * updates without a chat (inline queries, presses under inline messages). Null: no order to keep.
 */
export function updateQueueKey(update: Update): string | null {
  const { chatId, userId } = participants(update);
  if (chatId !== undefined && userId !== undefined) return `chat:${chatId}:user:${userId}`;
  if (chatId !== undefined) return `chat:${chatId}`;
  if (userId !== undefined) return `user:${userId}`;
  return null;
}

interface Participants {
  chatId?: number;
  userId?: number;
}

function participants(update: Update): Participants {
  if ('message' in update) return { chatId: update.message.chat.id, userId: update.message.from?.id };
  if ('edited_message' in update) return { chatId: update.edited_message.chat.id, userId: update.edited_message.from?.id };
  if ('channel_post' in update) return { chatId: update.channel_post.chat.id };
  if ('edited_channel_post' in update) return { chatId: update.edited_channel_post.chat.id };
  if ('callback_query' in update) return { chatId: update.callback_query.message?.chat.id, userId: update.callback_query.from.id };
  if ('inline_query' in update) return { userId: update.inline_query.from.id };
  if ('chosen_inline_result' in update) return { userId: update.chosen_inline_result.from.id };
  if ('my_chat_member' in update) return { chatId: update.my_chat_member.chat.id, userId: update.my_chat_member.from.id };
  if ('chat_member' in update) return { chatId: update.chat_member.chat.id, userId: update.chat_member.from.id };
  if ('chat_join_request' in update) return { chatId: update.chat_join_request.chat.id, userId: update.chat_join_request.from.id };
  return {};
}
