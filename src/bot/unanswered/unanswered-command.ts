import type { BotContext } from '../shared/bot-context.js';
import type { BotRuntime } from '../bot-runtime.js';
import { renderQuestionReport } from '../../report/render-question-report.js';
import { sendHtml } from '../shared/reply/send-html.js';
import { buildQuestionReport } from '../../report/build-question-report.js';

/** Days `/unanswered` looks back without an argument, and the most it accepts. */
const DEFAULT_DAYS = 7;
const MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Staff `/unanswered [days]`: what readers asked in the last days and the archive could not answer, grouped, most frequent first. */
export async function unansweredCommand(ctx: BotContext, runtime: BotRuntime, payload: string): Promise<void> {
  const messages = ctx.messages;
  const argument = payload.trim();
  const days = argument === '' ? DEFAULT_DAYS : Number(argument);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    await sendHtml(ctx, messages.unansweredUsage);
    return;
  }
  const report = await buildQuestionReport(runtime.deps, new Date(Date.now() - days * DAY_MS), runtime.deps.pinMatcher ?? null);
  await sendHtml(ctx, renderQuestionReport(report, days, messages.report));
}
