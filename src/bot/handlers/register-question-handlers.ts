import type { Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { BotRuntime } from '../bot-runtime.js';
import { messagesFor } from '../i18n/language.js';
import { renderHelp } from '../render/render-help.js';
import { sendHtml } from '../reply/send-html.js';
import { addressedQuestion, repliesToBot, startsWithCommand } from './addressed-question.js';
import { answerQuestion } from './answer-question.js';

/**
 * Text messages as questions: every text in a private chat; in groups only when addressed to the bot
 * (mention or reply), never every message. `/ask` is registered with the other commands.
 * Register last: an unknown command falls through to here and gets the help text in private chats.
 */
export function registerQuestionHandlers(bot: Telegraf, runtime: BotRuntime): void {
  bot.on(message('text'), async (ctx) => {
    const chatType = ctx.chat.type;
    if (startsWithCommand(ctx.message)) {
      const privacy = { retentionDays: runtime.deps.archive.config.questionLog.retentionDays };
      if (chatType === 'private') await sendHtml(ctx, renderHelp(messagesFor(ctx.from.language_code), runtime.menu(), runtime.deps.isStaff(ctx.from.id), privacy));
      return;
    }
    if (chatType === 'private') {
      await answerQuestion(ctx, runtime, ctx.message.text, { followUp: true });
      return;
    }
    if (chatType === 'group' || chatType === 'supergroup') {
      const question = addressedQuestion(ctx.message, ctx.botInfo);
      if (question !== null) await answerQuestion(ctx, runtime, question, { followUp: repliesToBot(ctx.message, ctx.botInfo) });
    }
  });
}
