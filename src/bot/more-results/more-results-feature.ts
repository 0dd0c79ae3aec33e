import type { BotFeature } from '../shared/bot-feature.js';
import type { BotContext } from '../shared/bot-context.js';
import { Composer } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import { renderPassages } from '../shared/render/render-passages.js';
import { rememberListedArticles } from '../shared/remember-listed-articles.js';
import { sendHtml } from '../shared/reply/send-html.js';

/** Further passages listed by "more results". */
const MORE_RESULTS = 5;

/**
 * "More results" under answers: `more:<key>` lists further ranked passages for the question, only in the chat it was answered in (and, in a private chat, only
 * for its reader): a key pressed anywhere else gets the same "expired" reply as an unknown or old one.
 */
export function moreResultsFeature(runtime: BotRuntime): BotFeature {
  const composer = new Composer<BotContext>();
  const { retriever } = runtime.deps;
  composer.action(/^more:([A-Za-z0-9_-]{22})$/, async (ctx) => {
    const messages = ctx.messages;
    const chat = ctx.callbackQuery.message?.chat;
    const remembered = chat ? await runtime.memory.question(ctx.match[1]!, { chatId: chat.id, userId: ctx.from.id }) : null;
    if (!remembered) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    await ctx.answerCbQuery();
    const shown = new Set(remembered.shownArticleIds);
    const passages = (await retriever.search(remembered.question, { k: MORE_RESULTS + shown.size })).filter((passage) => !shown.has(passage.articleId)).slice(0, MORE_RESULTS);
    if (passages.length === 0) {
      await sendHtml(ctx, messages.noMoreResults, { replyToMessageId: messageIdOf(ctx) });
      return;
    }
    await rememberListedArticles(
      ctx,
      runtime.memory,
      passages.map((passage) => passage.articleId),
    );
    await sendHtml(ctx, renderPassages(messages.moreResultsHeading, passages, messages), { replyToMessageId: messageIdOf(ctx) });
  });
  return { composer, menu: [] };
}

function messageIdOf(ctx: BotContext): number | undefined {
  const callbackMessage = ctx.callbackQuery?.message;
  return callbackMessage ? callbackMessage.message_id : undefined;
}
