import type { QuestionReport } from './build-question-report.js';
import type { FeedbackSummary } from './summarize-feedback.js';
import type { ReportMessages } from './report-messages.js';
import { escapeHtml } from '../telegram/escape-html.js';
import { shortenText } from '../telegram/shorten-text.js';

/** Unanswered groups listed in a Telegram message; the CLI report lists all. */
const GROUPS_SHOWN = 20;
const EXAMPLE_CHARACTERS = 80;

/** The /unanswered reply (and the weekly staff summary): totals, unanswered questions grouped, then reader votes. */
export function renderQuestionReport(report: QuestionReport, days: number, messages: ReportMessages): string {
  const lines = [messages.heading(days, report.questions, report.answered), '', messages.unansweredHeading];
  if (report.unanswered.length === 0) lines.push(messages.noUnanswered);
  for (const group of report.unanswered.slice(0, GROUPS_SHOWN)) {
    const pinned = group.pinId === undefined ? '' : ` ${messages.pinned(group.pinId)}`;
    lines.push(`• ${messages.group(group.count, escapeHtml(group.keywords.join(' ')), escapeHtml(shortenText(group.example, EXAMPLE_CHARACTERS)))}${pinned}`);
  }
  lines.push('', renderFeedbackSummary(report.feedback, messages));
  return lines.join('\n');
}

/** Share of 👍 per week and the most disliked answers (part of /stats and of the report). */
export function renderFeedbackSummary(feedback: FeedbackSummary, messages: ReportMessages): string {
  const lines = [messages.feedbackHeading];
  if (feedback.weeks.length === 0) return [...lines, messages.noFeedback].join('\n');
  for (const week of feedback.weeks) lines.push(`• ${messages.week(week.week, week.up, week.down, Math.round(week.upShare * 100))}`);
  if (feedback.mostDisliked.length > 0) {
    lines.push('', messages.dislikedHeading);
    for (const answer of feedback.mostDisliked) lines.push(`• ${messages.disliked(escapeHtml(shortenText(answer.question, EXAMPLE_CHARACTERS)), answer.down, answer.up)}`);
  }
  return lines.join('\n');
}
