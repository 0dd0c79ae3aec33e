import { describeCommand } from '../shared/describe-command.js';
import type { BotFeature } from '../shared/bot-feature.js';
import type { BotContext } from '../shared/bot-context.js';
import { Composer } from 'telegraf';
import { shortenText } from '../../telegram/shorten-text.js';
import { PASSAGE_BUTTON } from '../shared/passage-buttons.js';
import { sendHtml } from '../shared/reply/send-html.js';
import { renderCitedPassage } from './render-cited-passage.js';
import type { BotRuntime } from '../bot-runtime.js';
import { sendArticleDocument } from './send-article-document.js';
import { sendArticlePage } from './send-article-page.js';
import { SOURCE_FILE_PATTERN, SOURCE_PAGE_PATTERN } from '../shared/source-button-data.js';
import { renderArticlePages } from './render-article-pages.js';
import { sourceCommand } from './source-command.js';
import { sendSource } from './send-source.js';
import { correctionNotes } from './correction-notes.js';

/** Telegram's limit on a callback alert's text. */
const ALERT_CHARACTERS = 200;

/**
 * Sources: `/source <n|id>` (the article's text in pages); the `[n]` buttons under answers, `src:<chunkId>:<n>`, which
 * reply with the cited passage (public archive text, so anyone may press it; an alert under an inline message); and
 * the buttons under a long /source: `srcpage:<page>:<id>` sends that page (at most 5 messages), `srcfile:<id>` sends
 * the article as one .txt file. Each press counts against the presser's and the chat's rate limits
 * (`rateLimitGuard`), so nobody can page a group chat full. All read everything from the button, so they survive
 * restarts. A deep link `t.me/<bot>?start=src_<article id in base64url>` opens an article as `/source <id>` does.
 */
export function sourcesFeature(runtime: BotRuntime): BotFeature {
  const composer = new Composer<BotContext>();
  const store = runtime.deps.articles;
  composer.command('source', (ctx) => sourceCommand(ctx, runtime, ctx.payload));
  runtime.deepLinks.add('src', (ctx, articleId) => sendSource(ctx, runtime, store.getArticle(articleId), articleId));

  composer.action(PASSAGE_BUTTON, async (ctx) => {
    const messages = ctx.messages;
    const [chunk] = store.getChunks([Number(ctx.match[1])]);
    if (!chunk) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    if (!ctx.callbackQuery.message) {
      // Under a message posted in inline mode the bot may not be in the chat: the passage comes as an alert.
      await ctx.answerCbQuery(shortenText(`[${ctx.match[2]}] ${chunk.title}: ${chunk.text}`, ALERT_CHARACTERS), { show_alert: true });
      return;
    }
    await ctx.answerCbQuery();
    await sendHtml(
      ctx,
      renderCitedPassage(chunk, messages, `[${ctx.match[2]}] ${messages.citedPassage}`, correctionNotes(runtime.deps.corrections, chunk.articleId, ctx.language)),
      { replyToMessageId: ctx.callbackQuery.message.message_id },
    );
  });

  composer.action(SOURCE_PAGE_PATTERN, async (ctx) => {
    const messages = ctx.messages;
    const article = store.getArticle(ctx.match[2]!);
    const page = Number(ctx.match[1]);
    const pages = article ? renderArticlePages(article, messages, correctionNotes(runtime.deps.corrections, article.id, ctx.language)) : [];
    if (!article || page < 1 || page > pages.length) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    await ctx.answerCbQuery();
    await sendArticlePage(ctx, article, pages, messages, { page, replyToMessageId: ctx.callbackQuery.message?.message_id });
  });

  composer.action(SOURCE_FILE_PATTERN, async (ctx) => {
    const messages = ctx.messages;
    const article = store.getArticle(ctx.match[1]!);
    if (!article) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    await ctx.answerCbQuery();
    await sendArticleDocument(ctx, article, messages, { replyToMessageId: ctx.callbackQuery.message?.message_id });
  });
  return { composer, menu: [describeCommand('source')] };
}
