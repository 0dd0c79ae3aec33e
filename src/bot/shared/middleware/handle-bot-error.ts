import type { BotContext } from '../bot-context.js';
import type { Logger } from '../../../log/logger.js';

/**
 * The one `bot.catch`: logs the update id and the error (the logger redacts the token), then tells the user
 * "something went wrong" without internals. A failure to reply is logged, never thrown (it would stop polling).
 */
export function handleBotError(logger: Logger): (error: unknown, ctx: BotContext) => Promise<void> {
  return async (error, ctx) => {
    logger.error({ updateId: ctx.update.update_id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }, 'update failed');
    const text = ctx.messages.somethingWentWrong;
    try {
      if (ctx.callbackQuery) await ctx.answerCbQuery(text);
      else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 });
      else if (ctx.chat) await ctx.reply(text);
    } catch (replyError) {
      logger.warn({ updateId: ctx.update.update_id, error: replyError instanceof Error ? replyError.message : String(replyError) }, 'could not report the failure to the user');
    }
  };
}
