import type { StoredArticle } from '../../store/article-store.js';
import type { BotRuntime } from '../bot-runtime.js';
import type { BotContext } from '../shared/bot-context.js';
import { groupReplyTarget, sendHtml } from '../shared/reply/send-html.js';
import { correctionNotes } from './correction-notes.js';
import { renderArticlePages } from './render-article-pages.js';
import { sendArticlePage } from './send-article-page.js';

/**
 * An article's first page with its correction notes (at most 5 messages, then buttons), or "no article `reference`"
 * when none was found: what `/source` and a `src_` deep link show.
 */
export async function sendSource(ctx: BotContext, runtime: BotRuntime, article: StoredArticle | null, reference: string): Promise<void> {
  const messages = ctx.messages;
  const replyToMessageId = groupReplyTarget(ctx);
  if (!article) {
    await sendHtml(ctx, messages.sourceNotFound(reference), { replyToMessageId });
    return;
  }
  const notes = correctionNotes(runtime.deps.corrections, article.id, ctx.language);
  await sendArticlePage(ctx, article, renderArticlePages(article, messages, notes), messages, { page: 1, replyToMessageId });
}
