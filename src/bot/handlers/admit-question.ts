import type { Context } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import type { Messages } from '../i18n/messages.js';
import { sendHtml } from '../reply/send-html.js';

/**
 * The checks every question passes before any work: not empty, not too long, within the user's rate limit.
 * Replies politely when refused (once per rate-limit window, so a flood does not get a flood back).
 */
export async function admitQuestion(ctx: Context, runtime: BotRuntime, question: string, messages: Messages, replyToMessageId: number | undefined): Promise<boolean> {
  if (question.length === 0) {
    await sendHtml(ctx, messages.askUsage, { replyToMessageId });
    return false;
  }
  if ([...question].length > runtime.maxQuestionChars) {
    await sendHtml(ctx, messages.questionTooLong(runtime.maxQuestionChars), { replyToMessageId });
    return false;
  }
  const userId = ctx.from?.id;
  if (userId === undefined) return false;
  const decision = await runtime.rateLimiter.take(userId);
  if (!decision.allowed) {
    runtime.deps.logger.info({ reader: runtime.deps.readerKeys.reader(userId), retryAfterSeconds: decision.retryAfterSeconds }, 'rate limited');
    if (decision.firstRefusal) await sendHtml(ctx, messages.slowDown(decision.retryAfterSeconds), { replyToMessageId });
    return false;
  }
  return true;
}
