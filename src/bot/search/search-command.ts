import type { BotContext } from '../shared/bot-context.js';
import type { BotRuntime } from '../bot-runtime.js';
import { renderPassages } from '../shared/render/render-passages.js';
import { rememberListedArticles } from '../shared/remember-listed-articles.js';
import { sendHtml } from '../shared/reply/send-html.js';

/** Passages listed by /search. */
const SEARCH_RESULTS = 10;

/** `/search <query>` (staff): ranked passages with dates and fused scores. */
export async function searchCommand(ctx: BotContext, runtime: BotRuntime, query: string): Promise<void> {
  const messages = ctx.messages;
  const trimmed = query.trim();
  if (trimmed.length === 0) {
    await sendHtml(ctx, messages.searchUsage);
    return;
  }
  const passages = await runtime.deps.retriever.search(trimmed, { k: SEARCH_RESULTS });
  if (passages.length === 0) {
    await sendHtml(ctx, messages.noResults);
    return;
  }
  await rememberListedArticles(
    ctx,
    runtime.memory,
    passages.map((passage) => passage.articleId),
  );
  await sendHtml(ctx, renderPassages(messages.searchHeading, passages, messages, { showScores: true }));
}
