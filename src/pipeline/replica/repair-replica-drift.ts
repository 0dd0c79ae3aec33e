import type { ArticleStore } from '../../store/article-store.js';
import type { ArticleChangeReader } from '../../store/article-change-reader.js';
import type { VectorIndex } from '../../store/vector-index.js';
import type { Logger } from '../../log/logger.js';
import { findIndexDrift } from '../../store/find-index-drift.js';
import { ReplicaEmbedderMismatchError } from './replica-errors.js';

export interface ReplicaDriftRepair {
  /** Vectors copied from PostgreSQL for chunks the index lacked. */
  copied: number;
  /** Labels removed because their chunk is gone. */
  removed: number;
  /** Chunks the index lacks whose vector PostgreSQL no longer has (the next catch-up removes them). */
  unavailable: number;
}

/** Chunk ids asked for at once. */
const BATCH_SIZE = 1024;

/**
 * A replica's form of `repairIndexDrift`: after a crash between the SQLite commit and the index
 * save, the missing vectors are copied from PostgreSQL, never embedded again. Saves the index
 * when it changed.
 */
export async function repairReplicaDrift(
  store: Pick<ArticleStore, 'allChunkIds'>,
  index: VectorIndex,
  reader: Pick<ArticleChangeReader, 'chunkVectors'>,
  embedderId: string,
  logger: Logger,
): Promise<ReplicaDriftRepair> {
  const { missing, extra } = findIndexDrift(store, index);
  if (missing.length === 0 && extra.length === 0) return { copied: 0, removed: 0, unavailable: 0 };
  logger.warn({ missing: missing.length, extra: extra.length }, 'replica vector index out of step with its database; copying vectors from PostgreSQL');
  let copied = 0;
  for (let start = 0; start < missing.length; start += BATCH_SIZE) {
    const vectors = await reader.chunkVectors(missing.slice(start, start + BATCH_SIZE));
    for (const { id, embedderId: madeBy, vector } of vectors) {
      if (madeBy !== embedderId) throw new ReplicaEmbedderMismatchError(embedderId, madeBy);
      index.add(id, vector);
      copied += 1;
    }
  }
  for (const id of extra) index.remove(id);
  index.save();
  const repair = { copied, removed: extra.length, unavailable: missing.length - copied };
  logger.info(repair, 'replica vector index repaired');
  return repair;
}
