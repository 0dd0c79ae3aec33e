import type { RegisterCommand } from '../cli-context.js';
import { openArchive } from '../../pipeline/open-archive.js';

/** `newsbot reindex`: rebuilds the vector index from the database with the configured embedder. */
export const registerReindexCommand: RegisterCommand = (program, context) => {
  program
    .command('reindex')
    .description('rebuild the vector index from the stored chunks (after changing EMBEDDING_MODEL)')
    .option('--json', 'print one JSON object: { chunks, embedder, dimensions }')
    .action(async (options: { json?: boolean }) => {
      const started = Date.now();
      const archive = await openArchive(context.config(), context.logger(), { resetIndex: true });
      try {
        const report = { chunks: archive.index.count(), embedder: archive.embedder.id, dimensions: archive.embedder.dimensions };
        if (options.json) context.stdout(`${JSON.stringify(report)}\n`);
        else context.stdout(`reindexed ${report.chunks} chunks with ${report.embedder} (${report.dimensions} dims) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      } finally {
        archive.close();
      }
    });
};
