import type { Telegraf } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import { sendArticleDocument } from '../commands/send-article-document.js';
import { sendArticlePage } from '../commands/send-article-page.js';
import { SOURCE_FILE_PATTERN, SOURCE_PAGE_PATTERN } from '../commands/source-button-data.js';
import { languageOf, messagesFor } from '../i18n/language.js';
import { correctionNotes } from '../corrections/correction-notes.js';
import { renderArticlePages } from '../render/render-article-pages.js';

/**
 * The buttons under a long /source: `srcpage:<page>:<id>` sends that page (at most 5 messages),
 * `srcfile:<id>` sends the article as one .txt file. Each press counts against the presser's and the chat's rate
 * limits (`rateLimitGuard`), so nobody can page a group chat full. Both read everything from the button, so they
 * survive restarts.
 */
export function registerSourceButtons(bot: Telegraf, runtime: BotRuntime): void {
  const { store } = runtime.deps.archive;

  bot.action(SOURCE_PAGE_PATTERN, async (ctx) => {
    const messages = messagesFor(ctx.from.language_code);
    const article = store.getArticle(ctx.match[2]!);
    const page = Number(ctx.match[1]);
    const pages = article ? renderArticlePages(article, messages, correctionNotes(runtime.deps.archive, article.id, languageOf(ctx.from.language_code))) : [];
    if (!article || page < 1 || page > pages.length) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    await ctx.answerCbQuery();
    await sendArticlePage(ctx, article, pages, messages, { page, replyToMessageId: ctx.callbackQuery.message?.message_id });
  });

  bot.action(SOURCE_FILE_PATTERN, async (ctx) => {
    const messages = messagesFor(ctx.from.language_code);
    const article = store.getArticle(ctx.match[1]!);
    if (!article) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    await ctx.answerCbQuery();
    await sendArticleDocument(ctx, article, messages, { replyToMessageId: ctx.callbackQuery.message?.message_id });
  });
}
