import type { Telegraf } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import { answerQuestion } from '../handlers/answer-question.js';
import { messagesFor } from '../i18n/language.js';
import { OTHER_STORY_BUTTON } from './other-story-buttons.js';

/**
 * `story:<key>`: answers the remembered question from that story's article alone, as a new answer in the chat
 * (logged and remembered for follow-ups like any question; the press took its slot of the rate limits in
 * `rateLimitGuard`). Only the reader who asked, in the chat where they asked, opens it: any other press, like an
 * unknown or old key, gets the "expired" reply and nothing of the question.
 */
export function registerOtherStoryButtons(bot: Telegraf, runtime: BotRuntime): void {
  bot.action(OTHER_STORY_BUTTON, async (ctx) => {
    const messages = messagesFor(ctx.from.language_code);
    const chat = ctx.callbackQuery.message?.chat;
    const remembered = chat ? await runtime.memory.question(ctx.match[1]!, { chatId: chat.id, userId: ctx.from.id }) : null;
    if (!remembered?.articleId) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    await ctx.answerCbQuery();
    await answerQuestion(ctx, runtime, remembered.question, { articleId: remembered.articleId });
  });
}
