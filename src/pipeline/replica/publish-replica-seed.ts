import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from '../../log/logger.js';
import type { ReplicaSeeds } from '../../store/replica-seeds.js';
import type { HnswVectorIndex } from '../../store/hnsw/hnsw-vector-index.js';
import { copyIndexFiles } from '../../store/hnsw/copy-index-files.js';
import { copyReplicaArchive } from '../../store/sqlite/copy-replica-archive.js';
import { REPLICA_SEED_FILES, REPLICA_SEED_INDEX_FOLDER } from './replica-seed-files.js';

export interface PublishReplicaSeedOptions {
  /** The replica's SQLite database (the follower's connection); the copy is read from its file on another connection. */
  database: Database.Database;
  index: HnswVectorIndex;
  /** Runs the copies while no change is applied to the replica (`ReplicaFollower.withoutChanges`), so they agree. */
  withoutChanges: <T>(work: () => Promise<T>) => Promise<T>;
  seeds: ReplicaSeeds;
  /** The embedder that made the index's vectors. */
  embedder: { id: string; dimensions: number };
  /** Where the copies are written before they are stored (then removed); inside NEWSBOT_HOME. */
  workDir: string;
  logger: Logger;
}

export interface PublishReplicaSeedResult {
  seedId: number;
  /** Change-log position the seed reflects. */
  position: number;
  /** Bytes of the files stored. */
  bytes: number;
  /** Seconds the copies took (the replica follows no change meanwhile, so they agree; readers keep reading). */
  copySeconds: number;
  /** Seconds in all, storing included. */
  seconds: number;
}

/**
 * Publishes this replica as a seed for new workers: its vector index (every segment) and its SQLite archive (reader
 * data emptied) are copied while the replica follows no change, so they reflect the same change-log position (the
 * follower applies each page to both in one turn), then stored in parts; older seeds are deleted once it is complete.
 * The index's files are linked, not copied, and the archive is copied on a thread of its own: the process keeps
 * answering throughout, and following resumes when the copies are made.
 */
export async function publishReplicaSeed(options: PublishReplicaSeedOptions): Promise<PublishReplicaSeedResult> {
  const { database, index, seeds, embedder, logger } = options;
  const started = performance.now();
  fs.mkdirSync(options.workDir, { recursive: true });
  const directory = fs.mkdtempSync(path.join(options.workDir, '.seed-out-'));
  try {
    const databaseFile = path.join(directory, REPLICA_SEED_FILES.database);
    const { indexFiles, archive } = await options.withoutChanges(async () => {
      const indexFiles = copyIndexFiles(index, path.join(directory, REPLICA_SEED_INDEX_FOLDER));
      return { indexFiles, archive: await copyReplicaArchive(database.name, databaseFile) };
    });
    const copySeconds = (performance.now() - started) / 1000;
    const seed = await seeds.publish({ position: archive.position, embedderId: embedder.id, dimensions: embedder.dimensions, schemaVersion: archive.schemaVersion }, [
      { name: REPLICA_SEED_FILES.database, path: databaseFile },
      ...indexFiles.map((file) => ({ name: `${REPLICA_SEED_INDEX_FOLDER}/${file.name}`, path: file.path })),
    ]);
    const result: PublishReplicaSeedResult = {
      seedId: seed.id,
      position: seed.position,
      bytes: seed.files.reduce((sum, file) => sum + file.bytes, 0),
      copySeconds: round(copySeconds),
      seconds: round((performance.now() - started) / 1000),
    };
    logger.info(result, 'replica seed published');
    return result;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
