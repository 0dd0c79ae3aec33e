import type { BotContext } from '../shared/bot-context.js';
import type { BotRuntime } from '../bot-runtime.js';
import type { Messages } from '../shared/i18n/messages.js';
import { sendHtml } from '../shared/reply/send-html.js';

/**
 * The checks every question passes before any work: not empty, not too long. (The rate limits were checked before
 * any handler, by `rateLimitGuard`.) Replies politely when refused.
 */
export async function admitQuestion(ctx: BotContext, runtime: BotRuntime, question: string, messages: Messages, replyToMessageId: number | undefined): Promise<boolean> {
  if (question.length === 0) {
    await sendHtml(ctx, messages.askUsage, { replyToMessageId });
    return false;
  }
  if ([...question].length > runtime.maxQuestionChars) {
    await sendHtml(ctx, messages.questionTooLong(runtime.maxQuestionChars), { replyToMessageId });
    return false;
  }
  return ctx.from !== undefined;
}
