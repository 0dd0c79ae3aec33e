import type { Archive } from '../pipeline/archive.js';
import { indexArticles, type IndexSummary } from '../pipeline/index-articles.js';
import { readSources } from '../pipeline/read-sources.js';
import { removeStaleArticles } from '../pipeline/remove-stale-articles.js';
import { fetchOptionsFromConfig } from '../ingest/fetch/fetch-options.js';
import { chunkArticle } from '../chunking/chunk-article.js';
import type { StageTimer } from './stage-timer.js';
import { INGEST_STAGES, timedEmbedder, timedStore, timedVectorIndex } from './timed-dependencies.js';

/** Stage names beyond those of `INGEST_STAGES`. */
export const SOURCE_STAGES = { parseClean: 'parseClean', chunk: 'chunk', indexArticles: 'indexArticles', removeStale: 'removeStale' } as const;

/** What one ingest of source files did. */
export interface IngestSourcesResult {
  articles: number;
  summary: IndexSummary;
  errors: number;
}

/**
 * Ingests files the way `newsbot ingest` does (`readSources`, `indexArticles` on the archive's
 * store, index and embedder, `removeStaleArticles`), timing each stage into `timer`.
 */
export async function ingestSources(archive: Archive, files: readonly string[], timer: StageTimer, cwd: string): Promise<IngestSourcesResult> {
  const read = await timer.timeAsync(SOURCE_STAGES.parseClean, () => readSources(files, { date: null, cwd, fetch: fetchOptionsFromConfig(archive.config.feeds) }));
  const summary = await timer.timeAsync(SOURCE_STAGES.indexArticles, () =>
    indexArticles(
      {
        store: timedStore(archive.store, timer),
        index: timedVectorIndex(archive.index, timer),
        embedder: timedEmbedder(archive.embedder, timer),
        logger: archive.logger,
        chunker: (article, options) => timer.time(SOURCE_STAGES.chunk, () => chunkArticle(article, options)),
      },
      read.articles,
    ),
  );
  timer.time(SOURCE_STAGES.removeStale, () =>
    removeStaleArticles(archive, { completeSources: read.completeSources, articleIds: new Set(read.articles.map((article) => article.id)) }),
  );
  return { articles: read.articles.length, summary, errors: read.errors.length };
}

/** Every stage name `ingestSources` times. */
export const ALL_INGEST_STAGES = { ...SOURCE_STAGES, ...INGEST_STAGES } as const;
