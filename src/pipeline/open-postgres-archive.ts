/**
 * The archive in PostgreSQL mode (DATABASE_URL set): PostgreSQL is the system of record, and this
 * process answers from a local search replica (SQLite FTS5 + HNSW under NEWSBOT_HOME) that follows
 * PostgreSQL's change log. Writes go to PostgreSQL, then the replica catches up.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Archive } from './archive.js';
import { openArchiveIndex } from './open-archive-index.js';
import { redactDatabaseUrl } from '../config/database-url.js';
import { createLoadedEmbedder } from '../embedding/create-embedder.js';
import { createLoadedReranker } from '../embedding/create-reranker.js';
import { openSqliteArticleStore } from '../store/sqlite/sqlite-article-store.js';
import { openSqliteDatabase } from '../store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../store/sqlite/open-state-stores.js';
import { SqliteCorrectionStore } from '../store/sqlite/sqlite-correction-store.js';
import { openPostgresStateStores } from '../store/postgres/open-postgres-state-stores.js';
import { readWriteLockHolder, tryAcquireWriteLock } from '../store/hnsw/write-lock.js';
import { replicaBootstrapPending, replicaChunkIds, replicaPosition } from '../store/sqlite/sqlite-replica-writes.js';
import { createPostgresPool } from '../store/postgres/create-postgres-pool.js';
import { runPostgresMigrations } from '../store/postgres/run-postgres-migrations.js';
import { PostgresArticleWriter } from '../store/postgres/postgres-article-writer.js';
import { PostgresArticleReader } from '../store/postgres/postgres-article-reader.js';
import { PostgresChangeNotifier } from '../store/postgres/postgres-change-notifier.js';
import { PostgresReplicaPositions } from '../store/postgres/postgres-replica-positions.js';
import { compactChangeLog } from '../store/postgres/compact-change-log.js';
import { ReplicaFollower } from './replica/replica-follower.js';
import { PostgresReplicaSeeds } from '../store/postgres/postgres-replica-seeds.js';
import { SQLITE_SCHEMA_VERSION } from '../store/sqlite/migrations.js';
import { seedReplicaHome } from './replica/seed-replica-home.js';
import { publishReplicaSeed } from './replica/publish-replica-seed.js';
import { ReplicaAheadError, ReplicaEmbedderMismatchError } from './replica/replica-errors.js';
import { PostgresUnavailableError, ReplicaHomeBusyError, StandaloneArchiveInHomeError, describeCause } from './postgres-archive-errors.js';
import { WRITE_LOCK_FILE } from './archive-write-lock.js';
import { createAnswerer } from './create-answerer.js';
import { indexArticles } from './index-articles.js';
import { PostgresEmbeddingQueue } from '../store/postgres/postgres-embedding-queue.js';
import { embedUntilDone } from './embedding-queue/embed-until-done.js';

/** The replica's database file inside NEWSBOT_HOME (the same name as a standalone archive's). */
const REPLICA_FILE = 'newsbot.db';

export interface OpenPostgresArchiveOptions {
  /** Start the replica's vector index from scratch (`reindex`); the vectors are copied again from PostgreSQL. */
  resetIndex?: boolean;
  /** Milliseconds between change-log polls while following (the fallback for lost notifications). Default: the follower's. */
  pollIntervalMs?: number;
  /** Load the cross-encoder when RERANK_MODEL is set (default true); see `OpenArchiveOptions.reranker`. */
  reranker?: boolean;
}

/**
 * Opens the replica and PostgreSQL, and catches up once. When PostgreSQL is unreachable but the
 * replica holds data, logs a warning and answers from the replica (the follower reconnects by
 * itself once `replica.follow()` runs). The replica's folder is this process's alone for its
 * lifetime (a lock file, released by the operating system even on SIGKILL).
 */
export async function openPostgresArchive(config: Config, logger: Logger, options: OpenPostgresArchiveOptions = {}): Promise<Archive> {
  const connectionString = config.databaseUrl;
  if (connectionString === null) throw new Error('openPostgresArchive needs DATABASE_URL');
  const redactedUrl = redactDatabaseUrl(connectionString);
  const embedder = await createLoadedEmbedder(config);
  const reranker = options.reranker === false ? null : await createLoadedReranker(config);
  const lockFile = path.join(config.dataDir, WRITE_LOCK_FILE);
  const homeLock = tryAcquireWriteLock(lockFile, 'replica');
  if (homeLock === null) throw new ReplicaHomeBusyError(config.dataDir, readWriteLockHolder(lockFile)?.pid ?? null);
  const cleanups: (() => void | Promise<void>)[] = [() => embedder.close?.(), () => homeLock.release()];
  const closeAll = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        logger.warn({ err: error }, 'closing the PostgreSQL archive');
      }
    }
  };
  try {
    const file = path.join(config.dataDir, REPLICA_FILE);
    const pool = createPostgresPool({
      connectionString,
      onIdleError: (error) => logger.debug({ err: error }, 'an idle PostgreSQL connection broke; the pool replaces it'),
    });
    cleanups.push(() => pool.end());
    const migrated = await runPostgresMigrations(pool).then(
      () => null,
      (error: unknown) => ({ error }),
    );
    const seeds = new PostgresReplicaSeeds(pool);
    // A new worker opens another's replica files when a fitting seed is published (see seedReplicaHome).
    if (migrated === null && config.replicaSeeds && !options.resetIndex && !fs.existsSync(file)) {
      await seedReplicaHome({ seeds, databaseFile: file, indexDir: config.indexDir, embedder, schemaVersion: SQLITE_SCHEMA_VERSION, logger });
    }
    const store = openSqliteArticleStore(file);
    cleanups.push(() => store.close());
    // The follower writes on a connection of its own, so the store sees its commits (see ReplicaFollower).
    const database = openSqliteDatabase(file);
    cleanups.push(() => void database.close());
    const heldPosition = replicaPosition(database);
    // A replica interrupted while copying its first snapshot holds chunks at position 0 too: it copies again.
    if (heldPosition === 0 && !replicaBootstrapPending(database) && replicaChunkIds(database).length > 0) throw new StandaloneArchiveInHomeError(config.dataDir);
    const index = openArchiveIndex(config, embedder, options.resetIndex ?? false);
    cleanups.push(() => index.save());
    const unreachable = (error: unknown, what: string): void => {
      if (error instanceof ReplicaEmbedderMismatchError || error instanceof ReplicaAheadError) throw error;
      if (heldPosition === 0) throw new PostgresUnavailableError(redactedUrl, { cause: error });
      logger.warn({ databaseUrl: redactedUrl, reason: describeCause(error), position: heldPosition }, `${what}; answering from the local replica until PostgreSQL is back`);
    };
    const reachable = migrated === null;
    if (migrated !== null) unreachable(migrated.error, 'cannot reach PostgreSQL at start-up');
    const timeZone = config.digest.timezone;
    const writer = new PostgresArticleWriter({ pool, embedderId: embedder.id, dimensions: embedder.dimensions, timeZone });
    const reader = new PostgresArticleReader(pool);
    const embeddingQueue = new PostgresEmbeddingQueue({ pool, embedderId: embedder.id, dimensions: embedder.dimensions, timeZone });
    const follower = new ReplicaFollower({
      reader,
      notifier: new PostgresChangeNotifier({ connectionString }),
      database,
      index,
      embedderId: embedder.id,
      logger,
      pollIntervalMs: options.pollIntervalMs,
      positions: new PostgresReplicaPositions(pool),
    });
    cleanups.push(() => follower.stop());
    if (reachable) {
      const caughtUp = await follower.catchUp().catch((error: unknown) => unreachable(error, 'cannot catch up with PostgreSQL at start-up'));
      if (caughtUp) logger.info({ ...caughtUp, databaseUrl: redactedUrl }, 'replica caught up with PostgreSQL');
    }
    // Every kind of state with a PostgreSQL adapter is shared through PostgreSQL; the replica file keeps only the rest.
    const state = { ...openStateStores(store.database), ...openPostgresStateStores(pool) };
    // Corrections are linked in PostgreSQL as articles are written, and copied into the replica with them.
    const corrections = new SqliteCorrectionStore(store.database);
    // The retriever, the answerer and the pin matcher, as the archive hands them on.
    const answering = createAnswerer({ config, store, index, embedder, reranker, logger, corrections, pins: state.pins });
    /** After a write PostgreSQL holds it; the replica follows now, or later when this catch-up fails. */
    const followWrite = async (): Promise<void> => {
      await follower.catchUp().catch((error: unknown) => logger.warn({ reason: describeCause(error) }, 'written to PostgreSQL; the local replica follows later'));
    };
    let closing: Promise<void> | null = null;
    return {
      config,
      logger,
      store,
      index,
      embedder,
      reranker,
      ...answering,
      state,
      corrections,
      embeddingQueue,
      replica: {
        status: () => follower.status(),
        catchUp: () => follower.catchUp(),
        follow: () => follower.follow(),
        compactChangeLog: () => compactChangeLog(pool),
        newestSeed: () => seeds.newest(),
        publishSeed: () => publishReplicaSeed({ database, index, withoutChanges: (work) => follower.withoutChanges(work), seeds, embedder, workDir: config.dataDir, logger }),
      },
      indexArticles: async (articles, indexOptions) => {
        const summary = await indexArticles(
          {
            store,
            index,
            embedder,
            logger,
            onProgress: indexOptions?.onProgress,
            onCommitted: indexOptions?.onCommitted,
            signal: indexOptions?.signal,
            writer,
            queue: embeddingQueue,
            jobChunks: config.embeddingQueue.jobChunks,
          },
          articles,
        );
        if (!summary.jobs || indexOptions?.waitForEmbedding === false) return summary;
        await embedUntilDone({
          queue: embeddingQueue,
          embedder,
          logger,
          jobs: summary.jobs,
          leaseMs: config.embeddingQueue.leaseMs,
          signal: indexOptions?.signal,
          onProgress: indexOptions?.onEmbeddingProgress,
        });
        await followWrite();
        return summary;
      },
      removeArticles: async (articleIds) => {
        const { removedArticleIds } = await writer.removeArticles(articleIds);
        await followWrite();
        return removedArticleIds.length;
      },
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
