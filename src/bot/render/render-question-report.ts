import type { QuestionReport } from '../report/build-question-report.js';
import type { FeedbackSummary } from '../report/summarize-feedback.js';
import type { Messages } from '../i18n/messages.js';
import { escapeHtml } from './escape-html.js';
import { shortenText } from './shorten-text.js';

/** Unanswered groups listed in a Telegram message; the CLI report lists all. */
const GROUPS_SHOWN = 20;
const EXAMPLE_CHARACTERS = 80;

/** The /unanswered reply (and the weekly staff summary): totals, unanswered questions grouped, then reader votes. */
export function renderQuestionReport(report: QuestionReport, days: number, messages: Messages): string {
  const lines = [messages.report.heading(days, report.questions, report.answered), '', messages.report.unansweredHeading];
  if (report.unanswered.length === 0) lines.push(messages.report.noUnanswered);
  for (const group of report.unanswered.slice(0, GROUPS_SHOWN)) {
    lines.push(`• ${messages.report.group(group.count, escapeHtml(group.keywords.join(' ')), escapeHtml(shortenText(group.example, EXAMPLE_CHARACTERS)))}`);
  }
  lines.push('', renderFeedbackSummary(report.feedback, messages));
  return lines.join('\n');
}

/** Share of 👍 per week and the most disliked answers (part of /stats and of the report). */
export function renderFeedbackSummary(feedback: FeedbackSummary, messages: Messages): string {
  const lines = [messages.report.feedbackHeading];
  if (feedback.weeks.length === 0) return [...lines, messages.report.noFeedback].join('\n');
  for (const week of feedback.weeks) lines.push(`• ${messages.report.week(week.week, week.up, week.down, Math.round(week.upShare * 100))}`);
  if (feedback.mostDisliked.length > 0) {
    lines.push('', messages.report.dislikedHeading);
    for (const answer of feedback.mostDisliked) lines.push(`• ${messages.report.disliked(escapeHtml(shortenText(answer.question, EXAMPLE_CHARACTERS)), answer.down, answer.up)}`);
  }
  return lines.join('\n');
}
