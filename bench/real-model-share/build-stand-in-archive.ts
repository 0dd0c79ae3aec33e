import path from 'node:path';
import type { Embedder } from '../../src/embedding/embedder.js';
import { createLogger } from '../../src/log/logger.js';
import { indexArticles } from '../../src/pipeline/index-articles.js';
import { DATABASE_FILE } from '../../src/pipeline/open-archive.js';
import { openHnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { openSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { recordArticle, type BenchRecord } from '../../src/bench/bench-corpus.js';
import { StandInPassageEmbedder } from './stand-in-passage-embedder.js';

export interface BuildStandInArchiveOptions {
  /** Data directory (the database) and index directory, as `Config.dataDir` / `Config.indexDir`. */
  dataDir: string;
  indexDir: string;
  records: readonly BenchRecord[];
  /** The loaded model whose id and dimensions the index gets. */
  model: Embedder;
}

export interface StandInArchive {
  articles: number;
  chunks: number;
  seconds: number;
}

/**
 * Indexes the records through the real path (`indexArticles`: chunking, SQLite with FTS5, the
 * HNSW index at the default construction effort of a semantic model), with stand-in passage
 * vectors (`StandInPassageEmbedder`), and saves the index.
 */
export async function buildStandInArchive(options: BuildStandInArchiveOptions): Promise<StandInArchive> {
  const started = performance.now();
  const embedder = new StandInPassageEmbedder(options.model);
  const store = openSqliteArticleStore(path.join(options.dataDir, DATABASE_FILE));
  try {
    // No efConstruction: a semantic embedder's index is built with the default (200), as `openArchive` does.
    const index = openHnswVectorIndex({ dir: options.indexDir, embedderId: embedder.id, dimensions: embedder.dimensions });
    const summary = await indexArticles({ store, index, embedder, logger: createLogger('silent') }, options.records.map(recordArticle));
    index.save();
    return { articles: summary.added, chunks: summary.chunks, seconds: Math.round((performance.now() - started) / 100) / 10 };
  } finally {
    store.close();
  }
}
