import type { Telegraf } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import { answerQuestion } from '../handlers/answer-question.js';
import { messagesFor } from '../i18n/language.js';
import { OTHER_STORY_BUTTON } from './other-story-buttons.js';

/**
 * `story:<key>`: answers the remembered question from that story's article alone, as a new answer in the chat
 * (logged, rate-limited and remembered for follow-ups like any question). Only the reader who asked, in the chat
 * where they asked, gets an answer; anyone else is told the button is not theirs, and nothing of the question.
 */
export function registerOtherStoryButtons(bot: Telegraf, runtime: BotRuntime): void {
  bot.action(OTHER_STORY_BUTTON, async (ctx) => {
    const messages = messagesFor(ctx.from.language_code);
    const remembered = await runtime.memory.question(ctx.match[1]!);
    const askedBy = remembered?.askedBy;
    if (!remembered?.articleId || !askedBy) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    if (askedBy.userId !== ctx.from.id || askedBy.chatId !== ctx.chat?.id) {
      await ctx.answerCbQuery(messages.notYourButton);
      return;
    }
    await ctx.answerCbQuery();
    await answerQuestion(ctx, runtime, remembered.question, { articleId: remembered.articleId });
  });
}
