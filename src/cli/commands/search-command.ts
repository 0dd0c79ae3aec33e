import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';

/** `newsbot search "<query>"`: ranked passages with dates. */
export const registerSearchCommand: RegisterCommand = (program, context) => {
  program
    .command('search')
    .description('list the passages that best match a query')
    .argument('<query>', 'words or a question')
    .option('--k <n>', 'how many passages', '5')
    .option('--json', 'print one JSON object: { results: [{ articleId, title, date, text, score }] }')
    .action(async (query: string, options: { k: string; json?: boolean }) => {
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 1 || k > 100) throw new UsageError(`--k must be a whole number from 1 to 100, got "${options.k}"`);
      if (query.trim().length === 0) throw new UsageError('the query is empty');
      const archive = await context.openArchive();
      const passages = await archive.retriever.search(query, { k, perArticle: k });
      const results = passages.map((passage) => ({
        articleId: passage.articleId,
        title: passage.title,
        date: passage.date,
        text: passage.text,
        score: Number(passage.score.toFixed(6)),
      }));
      if (options.json) {
        context.stdout(`${JSON.stringify({ results })}\n`);
        return;
      }
      if (results.length === 0) context.stdout('no matching passages\n');
      results.forEach((result, position) => {
        context.stdout(`${position + 1}. ${result.title}${result.date ? ` (${result.date})` : ''} [${result.score}]\n   ${result.text.replace(/\n/g, ' ')}\n`);
      });
    });
};
