import path from 'node:path';
import type { RegisterCommand } from '../cli-context.js';

/** `newsbot remove <articleId|source>...`: deletes articles everywhere (retractions). */
export const registerRemoveCommand: RegisterCommand = (program, context) => {
  program
    .command('remove')
    .description('delete articles from the database and the vector index, by article id or by source (file path or URL)')
    .argument('<targets...>', 'article ids, or the file/URL they were ingested from')
    .option('--json', 'print one JSON object: { removed, notFound }')
    .action(async (targets: string[], options: { json?: boolean }) => {
      const archive = await context.openArchive({ reranker: false, writeOnly: true });
      const ids = new Set<string>();
      const notFound: string[] = [];
      for (const target of targets) {
        const relative = path.relative(context.cwd, path.resolve(context.cwd, target));
        const matches = archive.store.getArticle(target) ? [target] : [...new Set([...archive.store.articleIdsBySource(target), ...archive.store.articleIdsBySource(relative)])];
        if (matches.length === 0) notFound.push(target);
        for (const id of matches) ids.add(id);
      }
      const removed = await archive.removeArticles([...ids]);
      if (options.json) context.stdout(`${JSON.stringify({ removed, notFound })}\n`);
      else {
        context.stdout(`removed ${removed} article${removed === 1 ? '' : 's'}\n`);
        for (const target of notFound) context.stdout(`  not found: ${target}\n`);
      }
      if (notFound.length > 0) context.setExitCode(1);
    });
};
