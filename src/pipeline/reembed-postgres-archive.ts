/**
 * `newsbot reindex` in PostgreSQL mode: vectors are made once, at ingest, and stored in PostgreSQL,
 * so a new EMBEDDING_MODEL means embedding the stored chunk texts again and writing the new vectors
 * there (with new chunk ids, so every replica replaces its vectors as it follows the change log).
 */
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { createLoadedEmbedder } from '../embedding/create-embedder.js';
import { createPostgresPool } from '../store/postgres/create-postgres-pool.js';
import { runPostgresMigrations } from '../store/postgres/run-postgres-migrations.js';
import { PostgresArticleReader } from '../store/postgres/postgres-article-reader.js';
import { PostgresArticleWriter } from '../store/postgres/postgres-article-writer.js';
import { countStaleVectorArticles, staleVectorArticleIds } from '../store/postgres/stale-vector-article-ids.js';
import { embedChunks } from './embed-chunks.js';

/** Articles re-embedded per transaction. */
const BATCH_ARTICLES = 64;

export interface ReembedResult {
  /** Articles whose vectors were made again. */
  articles: number;
  chunks: number;
  embedderId: string;
  dimensions: number;
}

/** Re-embeds every article whose stored vectors another embedder made; resumable. `onProgress(done, total)` after each batch. */
export async function reembedPostgresArchive(config: Config, logger: Logger, onProgress?: (done: number, total: number) => void): Promise<ReembedResult> {
  if (config.databaseUrl === null) throw new Error('reembedPostgresArchive needs DATABASE_URL');
  const embedder = await createLoadedEmbedder(config);
  const pool = createPostgresPool({ connectionString: config.databaseUrl });
  try {
    await runPostgresMigrations(pool);
    const reader = new PostgresArticleReader(pool);
    const writer = new PostgresArticleWriter({ pool, embedderId: embedder.id, dimensions: embedder.dimensions });
    const total = await countStaleVectorArticles(pool, embedder.id);
    const result: ReembedResult = { articles: 0, chunks: 0, embedderId: embedder.id, dimensions: embedder.dimensions };
    for (;;) {
      const ids = await staleVectorArticleIds(pool, embedder.id, BATCH_ARTICLES);
      if (ids.length === 0) break;
      const articles = await reader.articlesWithChunks(ids);
      const batch = [];
      for (const { article, contentHash, chunks } of articles) {
        const texts = chunks.map((chunk) => ({ articleId: article.id, ordinal: chunk.ordinal, text: chunk.text, heading: chunk.heading }));
        batch.push({ article, contentHash, chunks: texts, vectors: await embedChunks(embedder, texts) });
        result.chunks += texts.length;
      }
      await writer.writeArticles(batch);
      result.articles += batch.length;
      onProgress?.(result.articles, total);
    }
    logger.info(result, 'PostgreSQL vectors re-embedded');
    return result;
  } finally {
    await pool.end();
    await embedder.close?.();
  }
}
