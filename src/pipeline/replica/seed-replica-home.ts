import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../log/logger.js';
import type { ReplicaSeed, ReplicaSeeds } from '../../store/replica-seeds.js';
import { readIndexManifest } from '../../store/hnsw/index-manifest.js';
import { installIndexFiles } from '../../store/hnsw/install-index-files.js';
import { resetHnswVectorIndex } from '../../store/hnsw/hnsw-vector-index.js';
import { ROOT_SEGMENT, readSegmentList } from '../../store/hnsw/segment-list.js';
import { replicaBootstrapPending, replicaPosition } from '../../store/sqlite/sqlite-replica-writes.js';
import { REPLICA_SEED_FILES, REPLICA_SEED_INDEX_FOLDER } from './replica-seed-files.js';

export interface SeedReplicaHomeOptions {
  seeds: ReplicaSeeds;
  /** Where the replica's SQLite file goes (absent: the home is new). */
  databaseFile: string;
  /** The replica's index folder. */
  indexDir: string;
  /** This worker's embedder: the seed's vectors must be its. */
  embedder: { id: string; dimensions: number };
  /** This worker's SQLite schema version: the seed's must be the same. */
  schemaVersion: number;
  logger: Logger;
}

export type SeedReplicaHomeResult = { seeded: true; seedId: number; position: number; bytes: number; seconds: number } | { seeded: false; reason: string };

/**
 * Fills a new worker's empty home from the newest replica seed: downloads its files next to the replica's (checking
 * each one's size and SHA-256), checks that the database is the schema and position the seed says and every index
 * segment is this embedder's, then moves them into place (the index with `installIndexFiles`). A seed published before
 * seeds carried every segment (no `index/segments.json`) is not used: it may lack the sealed segments' vectors. Anything amiss (no seed, another embedder or schema, bytes not as
 * published, PostgreSQL gone midway) leaves the home as it was and says why: the replica is then built from rows.
 */
export async function seedReplicaHome(options: SeedReplicaHomeOptions): Promise<SeedReplicaHomeResult> {
  const { seeds, databaseFile, indexDir, embedder, logger } = options;
  const started = performance.now();
  let seed: ReplicaSeed | null;
  try {
    seed = await seeds.newest();
  } catch (error) {
    return { seeded: false, reason: `cannot read the replica seeds: ${(error as Error).message}` };
  }
  if (!seed) return { seeded: false, reason: 'no replica seed is published' };
  const mismatch = describeMismatch(seed, options);
  if (mismatch) return notSeeded(logger, seed, mismatch);
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const directory = fs.mkdtempSync(path.join(path.dirname(databaseFile), '.seed-in-'));
  try {
    await seeds.download(seed, directory);
    const downloaded = path.join(directory, REPLICA_SEED_FILES.database);
    const problem = checkDownloadedFiles(seed, downloaded, directory, embedder);
    if (problem) return notSeeded(logger, seed, problem);
    installIndexFiles(path.join(directory, REPLICA_SEED_INDEX_FOLDER), indexDir);
    fs.renameSync(downloaded, databaseFile);
    const result = {
      seeded: true as const,
      seedId: seed.id,
      position: seed.position,
      bytes: seed.files.reduce((sum, file) => sum + file.bytes, 0),
      seconds: Math.round(performance.now() - started) / 1000,
    };
    logger.info(result, 'replica opened from a replica seed; following the change log from its position');
    return result;
  } catch (error) {
    // Nothing half-installed stays (every segment's files included): the home was empty, the replica is built from rows instead.
    fs.rmSync(databaseFile, { force: true });
    resetHnswVectorIndex(indexDir);
    return notSeeded(logger, seed, (error as Error).message);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function describeMismatch(seed: ReplicaSeed, options: SeedReplicaHomeOptions): string | null {
  if (seed.embedderId !== options.embedder.id || seed.dimensions !== options.embedder.dimensions) {
    return `its vectors are ${seed.embedderId} (${seed.dimensions} dimensions), this worker's ${options.embedder.id} (${options.embedder.dimensions})`;
  }
  if (seed.schemaVersion !== options.schemaVersion) return `its database schema is version ${seed.schemaVersion}, this worker's ${options.schemaVersion}`;
  const names = new Set(seed.files.map((file) => file.name));
  if (!names.has(REPLICA_SEED_FILES.segmentList)) return `it lacks ${REPLICA_SEED_FILES.segmentList} (published before seeds carried every index segment)`;
  return names.has(REPLICA_SEED_FILES.database) ? null : `it lacks ${REPLICA_SEED_FILES.database}`;
}

/** The downloaded database and every segment's manifest say what the seed says. */
function checkDownloadedFiles(seed: ReplicaSeed, databaseFile: string, directory: string, embedder: { id: string; dimensions: number }): string | null {
  const database = new Database(databaseFile, { readonly: true });
  try {
    const version = database.pragma('user_version', { simple: true }) as number;
    if (version !== seed.schemaVersion) return `its database is schema version ${version}, not ${seed.schemaVersion}`;
    if (replicaBootstrapPending(database)) return 'its database was copied while a snapshot was read into it';
    const position = replicaPosition(database);
    if (position !== seed.position) return `its database is at position ${position}, not ${seed.position}`;
  } finally {
    database.close();
  }
  const indexDir = path.join(directory, REPLICA_SEED_INDEX_FOLDER);
  for (const segment of readSegmentList(indexDir)) {
    const manifest = readIndexManifest(path.join(indexDir, segment));
    // Only the first segment must have one: a later segment is saved once it holds vectors.
    if (!manifest && segment !== ROOT_SEGMENT) continue;
    if (!manifest || manifest.embedderId !== embedder.id || manifest.dimensions !== embedder.dimensions) return `its index manifest in ${segment} is not this embedder’s`;
  }
  return null;
}

function notSeeded(logger: Logger, seed: ReplicaSeed, reason: string): SeedReplicaHomeResult {
  logger.warn({ seedId: seed.id, position: seed.position, reason }, 'not using the replica seed; building the replica from a PostgreSQL snapshot');
  return { seeded: false, reason };
}
