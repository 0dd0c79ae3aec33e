import type { Context } from 'telegraf';
import type { StoredArticle } from '../../store/article-store.js';
import type { BotRuntime } from '../bot-runtime.js';
import { messagesFor } from '../i18n/language.js';
import { renderArticle } from '../render/render-article.js';
import { sendHtml } from '../reply/send-html.js';

/** `/source <n or id>`: an article's full text, in several messages when long. `n` numbers the chat's last list. */
export async function sourceCommand(ctx: Context, runtime: BotRuntime, argument: string): Promise<void> {
  const messages = messagesFor(ctx.from?.language_code);
  const reference = argument.trim();
  if (reference.length === 0) {
    await sendHtml(ctx, messages.sourceUsage);
    return;
  }
  const article = findArticle(runtime, ctx.chat?.id, reference);
  if (!article) {
    await sendHtml(ctx, messages.sourceNotFound(reference));
    return;
  }
  await sendHtml(ctx, renderArticle(article, messages));
}

function findArticle(runtime: BotRuntime, chatId: number | undefined, reference: string): StoredArticle | null {
  const { store } = runtime.deps.archive;
  if (/^\d{1,3}$/.test(reference) && chatId !== undefined) {
    const listed = runtime.memory.listedArticle(chatId, Number(reference));
    if (listed) return store.getArticle(listed);
  }
  return store.getArticle(reference);
}
