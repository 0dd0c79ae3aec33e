import type { BotContext } from '../shared/bot-context.js';
import type { StoredArticle } from '../../store/article-store.js';
import type { BotRuntime } from '../bot-runtime.js';
import { groupReplyTarget, sendHtml } from '../shared/reply/send-html.js';
import { sendSource } from './send-source.js';

/**
 * `/source <n or id>`: an article's full text, `n` numbering the chat's last list. Anyone in a group may ask, so
 * one request sends at most 5 messages (a long article's first page, then buttons for the next page or a .txt
 * file) and counts against the user's and the chat's rate limits like a question (`rateLimitGuard`).
 */
export async function sourceCommand(ctx: BotContext, runtime: BotRuntime, argument: string): Promise<void> {
  const reference = argument.trim();
  if (reference.length === 0) {
    await sendHtml(ctx, ctx.messages.sourceUsage, { replyToMessageId: groupReplyTarget(ctx) });
    return;
  }
  await sendSource(ctx, runtime, await findArticle(runtime, ctx.chat?.id, reference), reference);
}

async function findArticle(runtime: BotRuntime, chatId: number | undefined, reference: string): Promise<StoredArticle | null> {
  const store = runtime.deps.articles;
  if (/^\d{1,3}$/.test(reference) && chatId !== undefined) {
    const listed = await runtime.memory.listedArticle(chatId, Number(reference));
    if (listed) return store.getArticle(listed);
  }
  return store.getArticle(reference);
}
