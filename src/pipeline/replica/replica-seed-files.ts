import { SEGMENT_LIST_FILE } from '../../store/hnsw/segment-list.js';

/** The folder of a replica seed holding the vector index, laid out as the index directory (`copyIndexFiles`). */
export const REPLICA_SEED_INDEX_FOLDER = 'index';

/**
 * The files every replica seed ships, by the names they are stored under; the index's other files (each segment's
 * `vectors.hnsw`, `manifest.json`, `labels.u32`) are stored as `index/<path in the index directory>`. A seed without
 * `index/segments.json` was published before seeds carried every segment (it may lack the sealed ones) and is not used.
 */
export const REPLICA_SEED_FILES = {
  /** The SQLite archive without reader data (`writeReplicaArchiveCopy`). */
  database: 'newsbot.db',
  /** The index's segment list, written even for one segment. */
  segmentList: `${REPLICA_SEED_INDEX_FOLDER}/${SEGMENT_LIST_FILE}`,
} as const;
