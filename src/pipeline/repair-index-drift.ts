import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Logger } from '../log/logger.js';
import { findIndexDrift } from '../store/find-index-drift.js';
import { embedChunks } from './embed-chunks.js';

/** Options for `repairIndexDrift`. */
export interface RepairIndexDriftOptions {
  /** Stops before the next embedding batch, rejecting with its reason; the next repair embeds what is still missing. */
  signal?: AbortSignal;
}

export interface DriftRepair {
  embedded: number;
  removed: number;
}

/**
 * Makes the vector index match the database (the source of truth) after a crash between
 * the two writes: chunks missing from the index are embedded and added, stale labels removed.
 */
export async function repairIndexDrift(store: ArticleStore, index: VectorIndex, embedder: Embedder, logger: Logger, options: RepairIndexDriftOptions = {}): Promise<DriftRepair> {
  const { missing, extra } = findIndexDrift(store, index);
  if (missing.length === 0 && extra.length === 0) return { embedded: 0, removed: 0 };
  logger.warn({ missing: missing.length, extra: extra.length }, 'vector index out of step with the database; repairing');
  for (const id of extra) index.remove(id);
  const batchSize = 1024;
  for (let start = 0; start < missing.length; start += batchSize) {
    const chunks = store.getChunks(missing.slice(start, start + batchSize));
    const vectors = await embedChunks(embedder, chunks, { signal: options.signal });
    for (const [position, chunk] of chunks.entries()) index.add(chunk.id, vectors[position]!);
  }
  index.save();
  logger.info({ embedded: missing.length, removed: extra.length }, 'vector index repaired');
  return { embedded: missing.length, removed: extra.length };
}
