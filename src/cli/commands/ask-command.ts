import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';
import type { AnswerResult } from '../../answer/answer-result.js';
import { parseNowOption } from '../parse-date-option.js';

/** `newsbot ask "<question>"`: a short answer with numbered sources. */
export const registerAskCommand: RegisterCommand = (program, context) => {
  program
    .command('ask')
    .description('answer a question from the archive, with cited sources')
    .argument('<question>', 'the question, in Chinese or English')
    .option('--json', 'print one JSON object: { answered, answer, citations, mode, otherStories? }')
    .option('--now <time>', 'read "now", 今年, 去年 and "last month" against this date or time instead of the clock (NEWSBOT_NOW)')
    .action(async (question: string, options: { json?: boolean; now?: string }) => {
      if (question.trim().length === 0) throw new UsageError('the question is empty');
      const now = parseNowOption(options.now);
      const archive = await context.openArchive();
      const result = await archive.answerer.answer(question, now ? { now } : {});
      context.stdout(options.json ? `${JSON.stringify(result)}\n` : formatAnswer(result));
    });
};

function formatAnswer(result: AnswerResult): string {
  const lines = [result.answer, ''];
  for (const citation of result.citations) {
    lines.push(`[${citation.n}] ${citation.title}${citation.date ? ` (${citation.date})` : ''} — ${citation.url ?? citation.source}`);
  }
  if (result.otherStories && result.otherStories.length > 0) {
    lines.push('', 'Other reports (另有报道):');
    for (const story of result.otherStories) lines.push(`- ${story.title}${story.date ? ` (${story.date})` : ''}: ${story.snippet}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
