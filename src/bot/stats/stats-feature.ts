import { renderFeedbackSummary } from '../../report/render-question-report.js';
import { summarizeFeedback } from '../../report/summarize-feedback.js';
import type { BotDeps } from '../bot-deps.js';
import type { BotFeature } from '../shared/bot-feature.js';
import { commandFeature } from '../shared/command-feature.js';
import { sendHtml } from '../shared/reply/send-html.js';

/** How far back /stats reads reader votes. */
const STATS_FEEDBACK_DAYS = 28;

/** Staff `/stats`: the archive's size and last ingest, and the reader votes of the last four weeks. */
export function statsFeature(deps: Pick<BotDeps, 'answerFeedback' | 'articles' | 'isStaff' | 'readerKeys' | 'logger'>): BotFeature {
  return commandFeature(
    'stats',
    async (ctx) => {
      const votes = await deps.answerFeedback.votes(new Date(Date.now() - STATS_FEEDBACK_DAYS * 24 * 60 * 60 * 1000));
      await sendHtml(ctx, `${ctx.messages.stats(deps.articles.stats())}\n\n${renderFeedbackSummary(summarizeFeedback(votes), ctx.messages.report)}`);
    },
    deps,
  );
}
