/**
 * Builds (or rebuilds) a replica from a consistent snapshot of the system of record instead of replaying the change
 * log from its start: the articles, chunks and vectors as of one change-log position, copied in large SQLite
 * transactions with the vectors added to the index as they come; the follower then reads the log after that position.
 */
import type Database from 'better-sqlite3';
import type { ArticleChangeReader, SnapshotStart } from '../../store/article-change-reader.js';
import type { VectorIndex } from '../../store/vector-index.js';
import type { Logger } from '../../log/logger.js';
import { applyReplicatedArticles, beginReplicaBootstrap, finishReplicaBootstrap, replicaArticleIds, replicaPosition } from '../../store/sqlite/sqlite-replica-writes.js';
import { ReplicaEmbedderMismatchError } from './replica-errors.js';

export interface BootstrapReplicaOptions {
  reader: Pick<ArticleChangeReader, 'readSnapshot'>;
  database: Database.Database;
  index: VectorIndex;
  /** This worker's embedder id; the snapshot's vectors must have been made by it. */
  embedderId: string;
  logger: Logger;
  /** Articles per SQLite transaction. */
  batchArticles: number;
  /** Told the snapshot's position before anything is copied (the replica registers it, so the log is kept from there). */
  onStart?(start: SnapshotStart): Promise<void>;
}

export interface BootstrapReplicaResult {
  /** The snapshot's change-log position, now the replica's. */
  position: number;
  /** Articles in the snapshot. */
  articles: number;
  /** Chunks whose vector was added to the index (chunks already held are kept). */
  addedChunks: number;
  /** Articles the replica held that the snapshot does not: removed. */
  removedArticles: number;
}

/**
 * Copies the snapshot into the replica. An empty replica is filled; one that holds data (it fell behind a compacted
 * log, or an earlier copy was interrupted) ends equal to the snapshot: articles upserted, chunks it no longer has and
 * articles absent from it removed. Until the copy ends the replica is marked incomplete (a restart copies again).
 */
export async function bootstrapReplica(options: BootstrapReplicaOptions): Promise<BootstrapReplicaResult> {
  const { reader, database, index, embedderId, logger } = options;
  const started = performance.now();
  const heldPosition = replicaPosition(database);
  beginReplicaBootstrap(database);
  const seen = new Set<string>();
  let addedChunks = 0;
  const snapshot = await reader.readSnapshot({
    batchArticles: options.batchArticles,
    onStart: async (start) => {
      logger.info({ position: start.position, chunks: start.chunks, heldPosition }, 'building the replica from a PostgreSQL snapshot');
      await options.onStart?.(start);
    },
    onBatch: (articles) => {
      for (const { chunks } of articles) {
        for (const chunk of chunks) if (chunk.embedderId !== embedderId) throw new ReplicaEmbedderMismatchError(embedderId, chunk.embedderId);
      }
      // The held position, not the snapshot's: until the copy ends the replica must not claim it.
      const applied = applyReplicatedArticles(database, { articles, removedArticleIds: [] }, heldPosition);
      for (const id of applied.removedChunkIds) index.remove(id);
      for (const chunk of applied.addedChunks) index.add(chunk.id, chunk.vector);
      for (const { article } of articles) seen.add(article.id);
      addedChunks += applied.addedChunks.length;
    },
  });
  const absent = replicaArticleIds(database).filter((id) => !seen.has(id));
  const finished = finishReplicaBootstrap(database, absent, snapshot.position);
  for (const id of finished.removedChunkIds) index.remove(id);
  const result: BootstrapReplicaResult = { position: snapshot.position, articles: seen.size, addedChunks, removedArticles: absent.length };
  logger.info({ ...result, seconds: Math.round(performance.now() - started) / 1000 }, 'replica built from the snapshot');
  return result;
}
