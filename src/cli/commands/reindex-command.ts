import type { RegisterCommand } from '../cli-context.js';
import { openArchive } from '../../pipeline/open-archive.js';
import { reembedPostgresArchive } from '../../pipeline/reembed-postgres-archive.js';
import { startProgress } from '../progress-bar.js';

/**
 * `newsbot reindex`: rebuilds the vector index from the database with the configured embedder.
 * With DATABASE_URL set, first re-embeds in PostgreSQL the chunks another embedder made (every
 * replica then follows), then rebuilds this process's replica index from PostgreSQL's vectors.
 */
export const registerReindexCommand: RegisterCommand = (program, context) => {
  program
    .command('reindex')
    .description('rebuild the vector index from the stored chunks (after changing EMBEDDING_MODEL); with DATABASE_URL, re-embed in PostgreSQL')
    .option('--json', 'print one JSON object: { chunks, embedder, dimensions } (with DATABASE_URL also reembedded: { articles, chunks })')
    .action(async (options: { json?: boolean }) => {
      const started = Date.now();
      const config = context.config();
      let reembedded: { articles: number; chunks: number } | null = null;
      if (config.databaseUrl !== null) {
        let progress: ReturnType<typeof startProgress> | null = null;
        const result = await reembedPostgresArchive(config, context.logger(), (done, total) => {
          progress ??= startProgress(context.interactive, 'embed', total);
          progress.update(done);
        });
        (progress as ReturnType<typeof startProgress> | null)?.stop();
        reembedded = { articles: result.articles, chunks: result.chunks };
      }
      const archive = await openArchive(config, context.logger(), { resetIndex: true, reranker: false });
      try {
        const report = { chunks: archive.index.count(), embedder: archive.embedder.id, dimensions: archive.embedder.dimensions, ...(reembedded ? { reembedded } : {}) };
        if (options.json) context.stdout(`${JSON.stringify(report)}\n`);
        else {
          if (reembedded)
            context.stdout(`re-embedded ${reembedded.chunks} chunks of ${reembedded.articles} articles in PostgreSQL; workers follow once they run the same EMBEDDING_MODEL\n`);
          context.stdout(`reindexed ${report.chunks} chunks with ${report.embedder} (${report.dimensions} dims) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        }
      } finally {
        await archive.close();
      }
    });
};
