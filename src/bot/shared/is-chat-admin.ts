import type { BotContext } from './bot-context.js';

/**
 * Whether the sender of the current message administers its chat: `creator` or `administrator`
 * by getChatMember, or an anonymous admin posting as the group itself (sender_chat = the chat).
 */
export async function isChatAdmin(ctx: BotContext): Promise<boolean> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return false;
  const senderChat = ctx.message && 'sender_chat' in ctx.message ? ctx.message.sender_chat : undefined;
  if (senderChat?.id === chatId) return true;
  const userId = ctx.from?.id;
  if (userId === undefined) return false;
  const member = await ctx.telegram.getChatMember(chatId, userId);
  return member.status === 'creator' || member.status === 'administrator';
}
