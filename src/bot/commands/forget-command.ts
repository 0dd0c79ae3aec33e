import type { Context } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import { messagesFor } from '../i18n/language.js';
import { sendHtml } from '../reply/send-html.js';

/**
 * `/forget`: deletes every question the reader asked from the question log, every vote they gave, and what the
 * chat memory keeps of them (their follow-up contexts, their other-story buttons); nobody else's.
 */
export async function forgetCommand(ctx: Context, runtime: BotRuntime): Promise<void> {
  const messages = messagesFor(ctx.from?.language_code);
  if (!ctx.from) return;
  const { questionLog, answerFeedback, chatMemory, readerHash, logger } = runtime.deps;
  const reader = await readerHash(ctx.from.id);
  const votes = await answerFeedback.forgetVoter(reader);
  const questions = await questionLog.forgetReader(reader);
  // The store itself, not the fail-soft wrapper: an erasure that did not happen must not be reported as done.
  const remembered = await chatMemory.forgetReader(ctx.from.id);
  logger.info({ questions, votes, remembered }, 'a reader deleted their question-log entries and chat memory');
  await sendHtml(ctx, messages.forgetDone(questions, votes));
}
