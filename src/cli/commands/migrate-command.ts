import type { RegisterCommand } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { loadConfig } from '../../config/config.js';
import { isPostgresUrl, redactDatabaseUrl } from '../../config/database-url.js';
import { openArchive } from '../../pipeline/open-archive.js';
import { migrateToPostgres } from '../../pipeline/migrate-to-postgres.js';
import { copyStateToPostgres } from '../../pipeline/copy-state-to-postgres.js';
import { openPostgresStateStores } from '../../store/postgres/open-postgres-state-stores.js';
import { openPostgresStore } from '../../store/postgres/open-postgres-store.js';
import { HnswVectorIndex } from '../../store/hnsw/hnsw-vector-index.js';
import { startProgress, type Progress } from '../progress-bar.js';

/**
 * `newsbot migrate --to <postgres-url>`: copies the SQLite archive under NEWSBOT_HOME (articles,
 * chunks and the vectors of its HNSW index, digest subscriptions and the delivery log) into PostgreSQL. Resumable: a second run skips what
 * PostgreSQL already holds.
 */
export const registerMigrateCommand: RegisterCommand = (program, context) => {
  program
    .command('migrate')
    .description('copy the SQLite archive under NEWSBOT_HOME (articles, chunks, their vectors) into PostgreSQL; re-run to resume')
    .requiredOption('--to <postgres-url>', 'the PostgreSQL to copy into (what DATABASE_URL will be)')
    .option('--json', 'print one JSON object: { copied, skipped, chunks, vectorsCopied, vectorsEmbedded, state: { subscriptions, sentDigests } }')
    .action(async (options: { to: string; json?: boolean }) => {
      if (!isPostgresUrl(options.to)) throw new UsageError('--to must be a postgres:// or postgresql:// URL, e.g. postgres://newsbot:password@db:5432/newsbot');
      // The source is the standalone archive, whatever DATABASE_URL says.
      const config = loadConfig({ ...context.env, DATABASE_URL: undefined }, context.cwd);
      const archive = await openArchive(config, context.logger(), { reranker: false });
      try {
        const { embedder, index } = archive;
        if (!(index instanceof HnswVectorIndex)) throw new Error('newsbot migrate copies vectors from the HNSW index; this archive has another vector index');
        const target = await openPostgresStore({ connectionString: options.to, embedderId: embedder.id, dimensions: embedder.dimensions });
        let progress: Progress | null = null;
        try {
          const result = await migrateToPostgres({
            store: archive.store,
            index,
            embedder,
            writer: target.writer,
            updatedOn: (articleId) => archive.corrections?.updatedOn(articleId) ?? null,
            logger: archive.logger,
            onProgress: (done, total) => {
              progress ??= startProgress(context.interactive, 'copy ', total);
              progress.update(done);
            },
          });
          (progress as Progress | null)?.stop();
          const state = await copyStateToPostgres(archive.state, openPostgresStateStores(target.pool), archive.logger);
          if (options.json) context.stdout(`${JSON.stringify({ ...result, state })}\n`);
          else {
            context.stdout(
              `copied ${result.copied} articles (${result.chunks} chunks, ${result.vectorsCopied} vectors copied, ${result.vectorsEmbedded} embedded) ` +
                `to ${redactDatabaseUrl(options.to)}; ${result.skipped} already there\n` +
                `${state.subscriptions} subscriptions and ${state.sentDigests} sent digests copied\n`,
            );
          }
        } finally {
          await target.close();
        }
      } finally {
        await archive.close();
      }
    });
};
