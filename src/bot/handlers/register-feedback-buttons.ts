import type { Telegraf } from 'telegraf';
import { metrics } from '../../log/metrics.js';
import type { FeedbackVote } from '../../store/answer-feedback-store.js';
import type { BotRuntime } from '../bot-runtime.js';
import { messagesFor } from '../i18n/language.js';
import { FEEDBACK_PATTERN } from './feedback-buttons.js';

/**
 * 👍 / 👎 under answers (`fb:<question log id>:up|down`): one vote per reader per answer, a second press
 * replaces the first. The reader is stored only as the keyed hash. An answer whose log entry is gone
 * (forgotten, past retention) says the button has expired.
 */
export function registerFeedbackButtons(bot: Telegraf, runtime: BotRuntime): void {
  const { answerFeedback, readerKeys } = runtime.deps;
  bot.action(FEEDBACK_PATTERN, async (ctx) => {
    const messages = messagesFor(ctx.from.language_code);
    const vote = ctx.match[2] as FeedbackVote;
    const recorded = await answerFeedback.vote(Number(ctx.match[1]), readerKeys.reader(ctx.from.id), vote, new Date());
    if (!recorded) {
      await ctx.answerCbQuery(messages.buttonExpired);
      return;
    }
    metrics.feedbackVotes.inc({ vote });
    await ctx.answerCbQuery(messages.feedbackThanks);
  });
}
