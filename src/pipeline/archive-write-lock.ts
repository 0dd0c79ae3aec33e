/**
 * Serializes writers of one archive: across processes with the lock file, inside a process with a
 * queue. Whoever takes it first brings the in-memory vector index up to date with the other
 * writers' saves and the database, and saves the index before letting go, so no writer
 * overwrites vectors it never saw.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ArticleStore } from '../store/article-store.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Logger } from '../log/logger.js';
import type { HnswVectorIndex } from '../store/hnsw/hnsw-vector-index.js';
import { acquireWriteLock, tryAcquireWriteLock, WriteLockBusyError, readWriteLockHolder, type WriteLock, type WriteLockHolder } from '../store/hnsw/write-lock.js';
import { repairIndexDrift } from './repair-index-drift.js';

/**
 * The lock file inside the data directory, beside the database (`newsbot.db`); named like the
 * database's own side files, so what ignores those (`data/*.db-*` in .gitignore) ignores it too.
 */
export const WRITE_LOCK_FILE = 'newsbot.db-writer.lock';

/** How long a synchronous writer (`removeArticles` outside a lock) may block waiting. */
const SYNC_WAIT_MS = 30_000;

export interface ArchiveWriteLockDeps {
  file: string;
  store: ArticleStore;
  index: HnswVectorIndex;
  embedder: Embedder;
  logger: Logger;
}

/** Options of one locked run. */
export interface WriteLockRunOptions {
  /** Called while another process holds the lock (e.g. to print "waiting for another ingest…"). */
  onWait?: (holder: WriteLockHolder | null) => void;
  signal?: AbortSignal;
}

/** The archive's writers' lock; see the file header. */
export interface ArchiveWriteLock {
  /** Runs `work` holding the lock (re-entrant: a run inside a run just runs). */
  run<T>(purpose: string, work: () => Promise<T>, options?: WriteLockRunOptions): Promise<T>;
  /** Same for short synchronous work; blocks up to 30 s, then throws `WriteLockBusyError`. */
  runSync<T>(purpose: string, work: () => T): T;
  /** Whether this process holds the lock right now. */
  held(): boolean;
}

/** Creates the lock of one opened archive. */
export function createArchiveWriteLock(deps: ArchiveWriteLockDeps): ArchiveWriteLock {
  const inside = new AsyncLocalStorage<true>();
  let current: WriteLock | null = null;
  let tail: Promise<unknown> = Promise.resolve();

  const catchUp = async (signal: AbortSignal | undefined): Promise<void> => {
    // Another process may have saved since we loaded; the database is the truth for the rest.
    if (deps.index.changedOnDisk()) deps.index.reload();
    await repairIndexDrift(deps.store, deps.index, deps.embedder, deps.logger, { signal });
  };

  const runLocked = async <T>(purpose: string, work: () => Promise<T>, options: WriteLockRunOptions): Promise<T> => {
    current = await acquireWriteLock({ file: deps.file, purpose, onWait: options.onWait, signal: options.signal });
    try {
      return await inside.run(true, async () => {
        await catchUp(options.signal);
        try {
          return await work();
        } finally {
          // Also after a failure: the vectors added so far belong to batches already committed.
          deps.index.save();
        }
      });
    } finally {
      current.release();
      current = null;
    }
  };

  return {
    run: (purpose, work, options = {}) => {
      if (inside.getStore()) return work();
      const result = tail.then(
        () => runLocked(purpose, work, options),
        () => runLocked(purpose, work, options),
      );
      tail = result.catch(() => undefined);
      return result;
    },
    runSync: (purpose, work) => {
      if (inside.getStore()) return work();
      if (current !== null) throw new WriteLockBusyError(deps.file, readWriteLockHolder(deps.file));
      const lock = tryAcquireWriteLock(deps.file, purpose, SYNC_WAIT_MS);
      if (lock === null) throw new WriteLockBusyError(deps.file, readWriteLockHolder(deps.file));
      try {
        if (deps.index.changedOnDisk()) deps.index.reload();
        try {
          return work();
        } finally {
          deps.index.save();
        }
      } finally {
        lock.release();
      }
    },
    held: () => current !== null,
  };
}
