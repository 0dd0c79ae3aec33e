import type { RegisterCommand } from '../cli-context.js';
import { buildQuestionReport, type QuestionReport } from '../../report/build-question-report.js';
import { UsageError } from '../errors.js';

const UNIT_MS = { h: 60 * 60 * 1000, d: 24 * 60 * 60 * 1000, w: 7 * 24 * 60 * 60 * 1000 } as const;

/** `7d`, `36h`, `2w` before now, or a calendar date (UTC midnight); null when it is neither. */
export function parseSince(value: string, now: Date): Date | null {
  const relative = /^(\d{1,5})([hdw])$/.exec(value.trim());
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    const date = new Date(`${value.trim()}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** `newsbot report`: what readers asked and the archive could not answer (grouped), and how they rated answers. */
export const registerReportCommand: RegisterCommand = (program, context) => {
  program
    .command('report')
    .description('unanswered reader questions grouped by shared words, and reader votes per week, from the question log')
    .option('--since <time>', 'how far back: 7d, 36h, 2w or a date YYYY-MM-DD', '7d')
    .option('--json', 'print one JSON object: { since, questions, answered, unanswered: [{ keywords, count, example, pinId? }], feedback: { weeks, mostDisliked } }')
    .action(async (options: { since: string; json?: boolean }) => {
      const since = parseSince(options.since, new Date());
      if (!since) throw new UsageError(`--since must look like 7d, 36h, 2w or 2026-04-01, got "${options.since}"`);
      const archive = await context.openArchive();
      const report = await buildQuestionReport(archive.state, since, archive.pinMatcher ?? null);
      context.stdout(options.json ? `${JSON.stringify(report)}\n` : formatReport(report));
    });
};

function formatReport(report: QuestionReport): string {
  const lines = [`questions since ${report.since}: ${report.questions}, answered ${report.answered}`, '', 'not answered (grouped by shared words):'];
  if (report.unanswered.length === 0) lines.push('  none');
  for (const group of report.unanswered)
    lines.push(`  ${group.count}× ${group.keywords.join(' ') || '-'}: e.g. "${group.example}"${group.pinId === undefined ? '' : ` (✓ pinned answer #${group.pinId})`}`);
  lines.push('', 'reader votes per week:');
  if (report.feedback.weeks.length === 0) lines.push('  none');
  for (const week of report.feedback.weeks) lines.push(`  week of ${week.week}: ${Math.round(week.upShare * 100)}% up (${week.up} up, ${week.down} down)`);
  if (report.feedback.mostDisliked.length > 0) {
    lines.push('', 'most disliked answers:');
    for (const answer of report.feedback.mostDisliked) lines.push(`  ${answer.down} down / ${answer.up} up: "${answer.question}" (chunks ${answer.citedChunkIds.join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}
