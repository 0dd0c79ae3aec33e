import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { parseDateOption } from '../parse-date-option.js';
import { buildTimeline, type TimelineResult } from '../../timeline/build-timeline.js';

/** `newsbot timeline "<topic>" [--json] [--since D] [--until D]`: the story's reports, oldest first. */
export const registerTimelineCommand: RegisterCommand = (program, context) => {
  program
    .command('timeline')
    .description("a story's reports, oldest first: one line each with its date, the sentence that carries the news, title and link")
    .argument('<topic>', 'what the story is about, e.g. 湘江四桥')
    .option('--since <YYYY-MM-DD>', 'only reports dated on or after this day')
    .option('--until <YYYY-MM-DD>', 'only reports dated on or before this day')
    .option('--json', 'print one JSON object: { topic, entries: [{ date, articleId, title, text, url }] }')
    .action(async (topic: string, options: { since?: string; until?: string; json?: boolean }) => {
      if (topic.trim().length === 0) throw new UsageError('the topic is empty');
      const since = parseDateOption(options.since, '--since');
      const until = parseDateOption(options.until, '--until');
      if (since && until && since > until) throw new UsageError(`--since (${since}) is after --until (${until})`);
      const archive = await context.openArchive();
      const range = since || until ? { ...(since ? { from: since } : {}), ...(until ? { to: until } : {}) } : undefined;
      const timeline = await buildTimeline(topic.trim(), { retriever: archive.retriever, ...(range ? { range } : {}) });
      context.stdout(options.json ? `${JSON.stringify(timeline)}\n` : formatTimeline(timeline));
    });
};

function formatTimeline(timeline: TimelineResult): string {
  if (timeline.entries.length === 0) return `no reports on "${timeline.topic}"\n`;
  const lines = timeline.entries.map((entry) => `${entry.date ?? 'undated'}  ${entry.text} — ${entry.title}${entry.url ? ` ${entry.url}` : ''}`);
  return `${lines.join('\n')}\n`;
}
