import type { Config } from '../../config/config.js';
import type { Embedder } from '../../embedding/embedder.js';
import { createLoadedEmbedder } from '../../embedding/create-embedder.js';
import type { EmbeddingQueue } from '../../store/embedding-queue.js';
import { createPostgresPool } from '../../store/postgres/create-postgres-pool.js';
import { PostgresEmbeddingQueue } from '../../store/postgres/postgres-embedding-queue.js';
import { runPostgresMigrations } from '../../store/postgres/run-postgres-migrations.js';
import { redactDatabaseUrl } from '../../config/database-url.js';
import { describeCause } from '../postgres-archive-errors.js';

export interface OpenedEmbeddingQueue {
  queue: EmbeddingQueue;
  /** The embedder jobs are embedded with (null when opened `withEmbedder: false`, for status only). */
  embedder: Embedder | null;
  close(): Promise<void>;
}

/**
 * The embedding queue without a replica (`newsbot work`): a worker only needs PostgreSQL and the
 * model, not NEWSBOT_HOME's search replica.
 */
export async function openEmbeddingQueue(config: Config, options: { withEmbedder: boolean }): Promise<OpenedEmbeddingQueue> {
  const connectionString = config.databaseUrl;
  if (connectionString === null) throw new Error('openEmbeddingQueue needs DATABASE_URL');
  const embedder = options.withEmbedder ? await createLoadedEmbedder(config) : null;
  const pool = createPostgresPool({ connectionString, max: 4 });
  try {
    await runPostgresMigrations(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    await embedder?.close?.();
    throw new Error(`could not reach PostgreSQL at ${redactDatabaseUrl(connectionString)} (${describeCause(error)}); check DATABASE_URL and that the server is running`, {
      cause: error,
    });
  }
  // Status needs no embedder: id and dimensions only label the vectors a worker writes.
  const queue = new PostgresEmbeddingQueue({ pool, embedderId: embedder?.id ?? 'none', dimensions: embedder?.dimensions ?? 1, timeZone: config.digest.timezone });
  return {
    queue,
    embedder,
    close: async () => {
      await pool.end();
      await embedder?.close?.();
    },
  };
}
