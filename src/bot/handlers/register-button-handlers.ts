import type { Context, Telegraf } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import { messagesFor } from '../i18n/language.js';
import { renderCitedPassage } from '../render/render-cited-passage.js';
import { renderPassages } from '../render/render-passages.js';
import { shortenText } from '../../telegram/shorten-text.js';
import { sendHtml } from '../reply/send-html.js';

/** Further passages listed by "more results". */
const MORE_RESULTS = 5;
/** Telegram's limit on a callback alert's text. */
const ALERT_CHARACTERS = 200;

/**
 * Inline keyboard callbacks under answers:
 * `src:<chunkId>:<n>` replies with the cited passage (public archive text, so anyone may press it); `more:<key>`
 * lists further ranked passages for the question, only in the chat it was answered in (and, in a private chat, only
 * for its reader): a key pressed anywhere else gets the same "expired" reply as an unknown or old one.
 */
export function registerButtonHandlers(bot: Telegraf, runtime: BotRuntime): void {
  const { archive } = runtime.deps;

  bot.action(/^src:(\d+):(\d+)$/, async (ctx) => {
    const messages = messagesFor(ctx.from.language_code);
    const [chunk] = archive.store.getChunks([Number(ctx.match[1])]);
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
    await sendHtml(ctx, renderCitedPassage(chunk, messages, `[${ctx.match[2]}] ${messages.citedPassage}`), { replyToMessageId: messageIdOf(ctx) });
  });

  bot.action(/^more:([A-Za-z0-9_-]{22})$/, async (ctx) => {
    const messages = messagesFor(ctx.from.language_code);
    const chat = ctx.callbackQuery.message?.chat;
    const remembered = chat ? await runtime.memory.question(ctx.match[1]!, { chatId: chat.id, userId: ctx.from.id }) : null;
    if (!remembered) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    await ctx.answerCbQuery();
    const shown = new Set(remembered.shownArticleIds);
    const passages = (await archive.retriever.search(remembered.question, { k: MORE_RESULTS + shown.size }))
      .filter((passage) => !shown.has(passage.articleId))
      .slice(0, MORE_RESULTS);
    if (passages.length === 0) {
      await sendHtml(ctx, messages.noMoreResults, { replyToMessageId: messageIdOf(ctx) });
      return;
    }
    if (ctx.chat)
      await runtime.memory.rememberListedArticles(
        ctx.chat.id,
        passages.map((passage) => passage.articleId),
      );
    await sendHtml(ctx, renderPassages(messages.moreResultsHeading, passages, messages), { replyToMessageId: messageIdOf(ctx) });
  });
}

function messageIdOf(ctx: Context): number | undefined {
  const callbackMessage = ctx.callbackQuery?.message;
  return callbackMessage ? callbackMessage.message_id : undefined;
}
