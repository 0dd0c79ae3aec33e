import type { BotContext } from '../shared/bot-context.js';
import { forgetReader } from '../../store/forget-reader.js';
import type { BotRuntime } from '../bot-runtime.js';
import { sendHtml } from '../shared/reply/send-html.js';

/**
 * `/forget`: erases everything the bot keeps about the reader, in every store (`forgetReader`): their logged
 * questions and votes, the questions behind their buttons ("more results", other stories) and their follow-up
 * contexts in every chat, their private chat's lists, and a digest subscription of that chat; nobody else's. Says
 * how many questions and votes went.
 */
export async function forgetCommand(ctx: BotContext, runtime: BotRuntime): Promise<void> {
  const messages = ctx.messages;
  if (!ctx.from) return;
  const { readerData, readerKeys, logger } = runtime.deps;
  const deleted = await forgetReader(readerData, readerKeys.identity(ctx.from.id));
  // Counts only: not even the keyed hash of who asked to be forgotten.
  logger.info({ deleted }, 'a reader erased what the bot kept about them');
  await sendHtml(ctx, messages.forgetDone(deleted.questionLog, deleted.answerFeedback));
}
