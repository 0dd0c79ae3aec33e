import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Archive } from './archive.js';
import { openSqliteArticleStore } from '../store/sqlite/sqlite-article-store.js';
import type { HnswVectorIndex } from '../store/hnsw/hnsw-vector-index.js';
import { createLoadedEmbedder } from '../embedding/create-embedder.js';
import { createLoadedReranker } from '../embedding/create-reranker.js';
import { createAnswerer } from './create-answerer.js';
import { indexArticles } from './index-articles.js';
import { openArchiveIndex } from './open-archive-index.js';
import { repairIndexDrift } from './repair-index-drift.js';
import { createArchiveWriteLock, WRITE_LOCK_FILE } from './archive-write-lock.js';
import { acquireWriteLock, tryAcquireWriteLock, type WriteLock } from '../store/hnsw/write-lock.js';
import { openStateStores } from '../store/sqlite/open-state-stores.js';
import { SqliteCorrectionStore } from '../store/sqlite/sqlite-correction-store.js';
import { SqlCorrectionLinks } from '../store/sql/sql-correction-links.js';
import { sqliteClient } from '../store/sqlite/sqlite-client.js';
import { withCorrections } from './with-corrections.js';
import { calendarDay } from '../text/time/calendar-day.js';

/** The database file inside the data directory. */
export const DATABASE_FILE = 'newsbot.db';

/** Where older versions kept the feed poll state, beside the database; imported into it once. */
export const LEGACY_FEED_STATE_FILE = 'feed-state.json';

/** Shared with the PostgreSQL mode's replica index (see the file). */

export interface OpenArchiveOptions {
  /** Start the vector index from scratch (for `reindex`); waits for other writers first. */
  resetIndex?: boolean;
  /**
   * 'wait' (default): the vector index is read before `openArchive` returns. 'background' (`serve`): it is read on a
   * worker thread while the archive already answers, from keywords alone until the vectors are in (seconds at a
   * million chunks).
   */
  vectorIndex?: 'wait' | 'background';
  /**
   * The process writes and never searches (ingest, remove). Default false. True: the vector index is not read up
   * front (each segment when first needed: the open one, never the sealed ones' vectors) and SQLite reads without a
   * memory map, so the process's memory is bounded by a segment and the page cache, not the archive's size.
   */
  writeOnly?: boolean;
  /**
   * Load the cross-encoder when RERANK_MODEL is set, so searches are reordered by it (default true). Commands that
   * never search (ingest, remove, reindex, migrate) pass false: they neither wait for it nor fail without it.
   */
  reranker?: boolean;
}

/**
 * Opens the database, the embedder (and the reranker, when configured: a model that does not load
 * fails here, not at the first question) and the vector index, mends drift between the two stores,
 * and wires retrieval and answering. One archive per process; close it on shutdown.
 * Drift is mended only when no other process is writing (the write lock is free); otherwise the
 * index follows that writer's saves, which leave it consistent.
 */
export async function openArchive(config: Config, logger: Logger, options: OpenArchiveOptions = {}): Promise<Archive> {
  // PostgreSQL mode: a local replica following PostgreSQL (loaded on demand, so SQLite mode never loads pg).
  if (config.databaseUrl !== null) return (await import('./open-postgres-archive.js')).openPostgresArchive(config, logger, options);
  const embedder = await createLoadedEmbedder(config);
  const reranker = options.reranker === false ? null : await createLoadedReranker(config);
  const store = openSqliteArticleStore(path.join(config.dataDir, DATABASE_FILE), { memoryMap: options.writeOnly !== true });
  const lockFile = path.join(config.dataDir, WRITE_LOCK_FILE);
  let openingLock: WriteLock | null = null;
  try {
    openingLock = options.resetIndex
      ? await acquireWriteLock({
          file: lockFile,
          purpose: 'reindex',
          onWait: (holder) => logger.warn({ pid: holder?.pid }, 'waiting for another process writing the archive'),
        })
      : tryAcquireWriteLock(lockFile, 'open');
    const index = openArchiveIndex(config, embedder, options.resetIndex ?? false);
    // The manifest's count and sum of labels match the database's chunks: no drift, nothing to read yet.
    if (openingLock && !index.savedFilesMatch(store.chunkFingerprint())) {
      if (index.rebuiltFromScratch) logger.warn({ dir: config.indexDir }, 'vector index file unreadable; rebuilding it from the database');
      await repairIndexDrift(store, index, embedder, logger);
      index.save();
    } else if (!openingLock) {
      // Another process is writing: leave the files to it, and follow its saves (see HnswVectorIndex).
      logger.info({ dir: config.indexDir }, 'another process is writing the archive; the vector index follows its saves');
      if (index.unsavedChanges) index.reload();
    }
    openingLock?.release();
    openingLock = null;
    const loading =
      options.writeOnly === true
        ? Promise.resolve()
        : index.loadInBackground().catch((error: unknown) => logger.error({ err: error, dir: config.indexDir }, 'could not read the vector index'));
    if (options.vectorIndex !== 'background') await loading;
    const writeLock = createArchiveWriteLock({ file: lockFile, store, index, embedder, logger });
    // The one place the state adapters are built: over the archive's own connection (same file, same migrations).
    const state = openStateStores(store.database, { legacyFeedStateFile: path.join(config.dataDir, LEGACY_FEED_STATE_FILE) });
    const corrections = new SqliteCorrectionStore(store.database);
    const correctionLinks = new SqlCorrectionLinks(sqliteClient(store.database));
    // The retriever, the answerer and the pin matcher, as the archive hands them on.
    const answering = createAnswerer({ config, store, index, embedder, reranker, logger, corrections, pins: state.pins });
    let closed = false;
    return {
      config,
      logger,
      store,
      index,
      vectorIndexLoaded: loading,
      embedder,
      reranker,
      ...answering,
      state,
      corrections,
      indexArticles: (articles, indexOptions) =>
        writeLock.run(
          'index',
          () =>
            withCorrections(articles, { store, links: correctionLinks, today: calendarDay(new Date(), config.digest.timezone).iso }, (watched) =>
              indexArticles(
                { store, index, embedder, logger, onProgress: indexOptions?.onProgress, onCommitted: indexOptions?.onCommitted, signal: indexOptions?.signal },
                watched,
              ),
            ),
          { signal: indexOptions?.signal },
        ),
      removeArticles: (articleIds) =>
        writeLock.runSync('remove', () => {
          let removed = 0;
          for (const articleId of articleIds) {
            if (store.getArticle(articleId) === null) continue;
            for (const id of store.removeArticle(articleId)) index.remove(id);
            removed += 1;
          }
          return removed;
        }),
      withWriteLock: (purpose, work, lockOptions) => writeLock.run(purpose, work, lockOptions),
      close: () => {
        if (closed) return;
        closed = true;
        try {
          saveIfWriter(index, lockFile, writeLock.held(), logger);
        } finally {
          store.close();
          // Ends the model's worker thread; an idle one would not hold the process open either.
          void embedder.close?.();
        }
      },
    };
  } catch (error) {
    openingLock?.release();
    store.close();
    void embedder.close?.();
    throw error;
  }
}

/**
 * Saves unsaved index changes on close, but only as a writer: a process that cannot take the
 * lock leaves the files to the one holding it (the database still has everything; drift repair
 * on the next open re-embeds whatever only this process held).
 */
function saveIfWriter(index: HnswVectorIndex, lockFile: string, heldHere: boolean, logger: Logger): void {
  if (!index.unsavedChanges) return;
  if (heldHere) {
    index.save();
    return;
  }
  const lock = tryAcquireWriteLock(lockFile, 'close');
  if (lock === null) {
    logger.warn({ dir: index.dir }, "another process is writing the archive; not saving this process's vector index");
    return;
  }
  try {
    if (!index.changedOnDisk()) index.save();
  } finally {
    lock.release();
  }
}
