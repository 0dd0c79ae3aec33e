import { INDEX_FILE, MANIFEST_FILE } from '../../store/hnsw/index-manifest.js';

/** The files a replica seed ships, by the names they are stored under. */
export const REPLICA_SEED_FILES = {
  /** The SQLite archive without reader data (`writeReplicaArchiveCopy`). */
  database: 'newsbot.db',
  /** The HNSW index file and its manifest (`copyIndexFiles`). */
  index: INDEX_FILE,
  manifest: MANIFEST_FILE,
} as const;
