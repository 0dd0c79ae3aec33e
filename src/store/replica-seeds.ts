/**
 * Port where live workers publish replica seeds (a copy of their replica's files at one change-log position) and new
 * workers fetch the newest, so a new worker opens a ready replica instead of building one from rows.
 */

/** What a seed was made from: a new worker uses it only when all of this matches its own. */
export interface ReplicaSeedOrigin {
  /** Change-log position the files reflect; the new worker follows the log after it. */
  position: number;
  /** Embedder id (model and settings) of the index's vectors. */
  embedderId: string;
  dimensions: number;
  /** The SQLite archive's schema version (`PRAGMA user_version`). */
  schemaVersion: number;
}

/** One file of a seed, by name: a relative path with "/" between folders (`newsbot.db`, `index/segment-000001/vectors.hnsw`). */
export interface ReplicaSeedFile {
  name: string;
  bytes: number;
  /** Hex SHA-256 of the file as published. */
  sha256: string;
}

/** A complete seed as stored. */
export interface ReplicaSeed extends ReplicaSeedOrigin {
  id: number;
  createdAt: Date;
  files: ReplicaSeedFile[];
}

/** Publishes and fetches replica seeds. */
export interface ReplicaSeeds {
  /**
   * Stores the files (read from `files[].path` in parts, never whole) as a new seed, marks it complete, then deletes
   * every older seed. Returns the stored seed. Throws a `RangeError` before storing anything when a name is not a safe
   * relative path (`replicaSeedFilePath`).
   */
  publish(origin: ReplicaSeedOrigin, files: readonly { name: string; path: string }[]): Promise<ReplicaSeed>;
  /** The newest complete seed, or null. */
  newest(): Promise<ReplicaSeed | null>;
  /**
   * Writes each file of `seed` into `directory` under its name (its folders created), part by part, checking its size
   * and SHA-256 (`ReplicaSeedCorruptError` when either differs, when the seed was deleted meanwhile, or when a name is
   * absolute or holds `..`).
   */
  download(seed: ReplicaSeed, directory: string): Promise<void>;
}

/** A seed whose stored bytes are not what it was published with. */
export class ReplicaSeedCorruptError extends Error {
  readonly seedId: number;
  readonly file: string;
  constructor(seedId: number, file: string, reason: string) {
    super(`replica seed ${seedId}: ${file} is not as published (${reason})`);
    this.name = 'ReplicaSeedCorruptError';
    this.seedId = seedId;
    this.file = file;
  }
}
