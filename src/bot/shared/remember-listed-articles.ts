import type { BotContext } from './bot-context.js';
import type { BotChatMemory } from './fail-soft-chat-memory.js';

/** Numbers the articles just listed in this chat, in order, so `/source <n>` opens the n-th; nothing outside a chat. */
export async function rememberListedArticles(ctx: BotContext, memory: BotChatMemory, articleIds: readonly string[]): Promise<void> {
  if (ctx.chat) await memory.rememberListedArticles(ctx.chat.id, articleIds);
}
