import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';

/** `newsbot search "<query>"`: ranked passages with dates. */
export const registerSearchCommand: RegisterCommand = (program, context) => {
  program
    .command('search')
    .description('list the passages that best match a query')
    .argument('<query>', 'words or a question')
    .option('--k <n>', 'how many passages', '5')
    .option('--json', 'print one JSON object: { results: [{ articleId, title, date, text, score }] } (and rerankScore with RERANK_MODEL)')
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
        // Present only when a cross-encoder ordered the list (RERANK_MODEL), so the contract's shape is unchanged without one.
        ...(typeof passage.rerankScore === 'number' ? { rerankScore: Number(passage.rerankScore.toFixed(6)) } : {}),
      }));
      if (options.json) {
        context.stdout(`${JSON.stringify({ results })}\n`);
        return;
      }
      if (results.length === 0) context.stdout('no matching passages\n');
      results.forEach((result, position) => {
        const scores = result.rerankScore === undefined ? `${result.score}` : `${result.score}, rerank ${result.rerankScore}`;
        context.stdout(`${position + 1}. ${result.title}${result.date ? ` (${result.date})` : ''} [${scores}]\n   ${result.text.replace(/\n/g, ' ')}\n`);
      });
    });
};
