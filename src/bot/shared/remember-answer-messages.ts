import type { BotRuntime } from '../bot-runtime.js';
import type { BotContext } from './bot-context.js';

/**
 * Binds the messages that carry an answer to its logged question, so a 👍 / 👎 reaction on one of them counts as the
 * vote its buttons give. Fails soft: without the binding the buttons still work.
 */
export async function rememberAnswerMessages(ctx: BotContext, runtime: BotRuntime, questionId: number, messageIds: readonly number[]): Promise<void> {
  if (!ctx.chat || messageIds.length === 0) return;
  const { answerFeedback, readerKeys, logger } = runtime.deps;
  try {
    await answerFeedback.rememberAnswerMessages(questionId, readerKeys.chat(ctx.chat.id), messageIds);
  } catch (error) {
    logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not bind the answer messages to their question; reactions on them will not count');
  }
}
