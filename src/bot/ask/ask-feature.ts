import { describeCommand } from '../shared/describe-command.js';
import type { BotFeature } from '../shared/bot-feature.js';
import type { BotContext } from '../shared/bot-context.js';
import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import type { BotRuntime } from '../bot-runtime.js';
import { renderHelp } from '../shared/render/render-help.js';
import { sendHtml } from '../shared/reply/send-html.js';
import { addressedQuestion, repliesToBot, startsWithCommand } from '../shared/addressed-question.js';
import { answerQuestion } from './answer-question.js';
import { OTHER_STORY_BUTTON } from './other-story-buttons.js';

/**
 * Asking: `/ask <question>`; text messages as questions (every text in a private chat; in groups only when addressed
 * to the bot by mention or reply, never every message); and the other-story buttons under an answer.
 * `story:<key>` answers the remembered question from that story's article alone, as a new answer in the chat
 * (logged and remembered for follow-ups like any question). Only the reader who asked, in the chat where they asked,
 * opens it: any other press, like an unknown or old key, gets the "expired" reply and nothing of the question.
 * Register after every other command: an unknown command falls through to here and gets the help text in private chats.
 */
export function askFeature(runtime: BotRuntime): BotFeature {
  const composer = new Composer<BotContext>();
  composer.command('ask', (ctx) => answerQuestion(ctx, runtime, ctx.payload));
  composer.action(OTHER_STORY_BUTTON, async (ctx) => {
    const chat = ctx.callbackQuery.message?.chat;
    const remembered = chat ? await runtime.memory.question(ctx.match[1]!, { chatId: chat.id, userId: ctx.from.id }) : null;
    if (!remembered?.articleId) {
      await ctx.answerCbQuery(ctx.messages.buttonExpired);
      return;
    }
    await ctx.answerCbQuery();
    await answerQuestion(ctx, runtime, remembered.question, { articleId: remembered.articleId });
  });
  composer.on(message('text'), async (ctx) => {
    const chatType = ctx.chat.type;
    if (startsWithCommand(ctx.message)) {
      const privacy = { retentionDays: runtime.deps.settings.questionLogRetentionDays };
      if (chatType === 'private') await sendHtml(ctx, renderHelp(ctx.messages, runtime.menu(), runtime.deps.isStaff(ctx.from.id), privacy));
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
  return { composer, menu: [describeCommand('ask')] };
}
