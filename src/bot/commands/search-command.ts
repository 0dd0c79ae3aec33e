import type { Context } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import { messagesFor } from '../i18n/language.js';
import { renderPassages } from '../render/render-passages.js';
import { sendHtml } from '../reply/send-html.js';

/** Passages listed by /search. */
const SEARCH_RESULTS = 10;

/** `/search <query>` (staff): ranked passages with dates and fused scores. */
export async function searchCommand(ctx: Context, runtime: BotRuntime, query: string): Promise<void> {
  const messages = messagesFor(ctx.from?.language_code);
  const trimmed = query.trim();
  if (trimmed.length === 0) {
    await sendHtml(ctx, messages.searchUsage);
    return;
  }
  const passages = await runtime.deps.archive.retriever.search(trimmed, { k: SEARCH_RESULTS });
  if (passages.length === 0) {
    await sendHtml(ctx, messages.noResults);
    return;
  }
  if (ctx.chat)
    await runtime.memory.rememberListedArticles(
      ctx.chat.id,
      passages.map((passage) => passage.articleId),
    );
  await sendHtml(ctx, renderPassages(messages.searchHeading, passages, messages, { showScores: true }));
}
