import type { Context } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import { messagesFor } from '../i18n/language.js';
import { sendHtml } from '../reply/send-html.js';

/** `/forget`: deletes every question the reader asked from the question log, and every vote they gave; nobody else's. */
export async function forgetCommand(ctx: Context, runtime: BotRuntime): Promise<void> {
  const messages = messagesFor(ctx.from?.language_code);
  if (!ctx.from) return;
  const { questionLog, answerFeedback, readerKeys, logger } = runtime.deps;
  const reader = readerKeys.reader(ctx.from.id);
  const votes = await answerFeedback.forgetVoter(reader);
  const questions = await questionLog.forgetReader(reader);
  logger.info({ questions, votes }, 'a reader deleted their question-log entries');
  await sendHtml(ctx, messages.forgetDone(questions, votes));
}
