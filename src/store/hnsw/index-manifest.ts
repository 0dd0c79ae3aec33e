import path from 'node:path';
import { readJsonFile } from './read-json-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** File names inside the index directory. */
export const INDEX_FILE = 'vectors.hnsw';
export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 1;

/** What `manifest.json` records about `vectors.hnsw`. */
export interface IndexManifest {
  /** Embedder id (model + settings) the vectors were made with. */
  embedderId: string;
  dimensions: number;
  /** Live vectors at the last save. */
  count: number;
  /** Sum of the live labels at the last save (absent in manifests of older versions). */
  labelSum?: number;
  updatedAt: string;
  format: typeof MANIFEST_FORMAT;
  /**
   * Labels marked deleted in the HNSW file. hnswlib keeps them in its id list and cannot be
   * asked which ones are deleted, so the manifest remembers them.
   */
  deletedLabels: number[];
  /**
   * Size and modification time of `vectors.hnsw` as saved with this manifest. When they differ
   * on open, the process died between the two renames and `deletedLabels` may be out of date.
   */
  indexFile: { bytes: number; modifiedMs: number } | null;
}

/** Raised when `manifest.json` exists but is not a manifest this version understands. */
export class IndexManifestError extends Error {
  readonly file: string;
  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`the index manifest ${file} is unreadable: ${reason}`, options);
    this.name = 'IndexManifestError';
    this.file = file;
  }
}

/** Reads the manifest of an index directory; null when there is none. */
export function readIndexManifest(dir: string): IndexManifest | null {
  const file = path.join(dir, MANIFEST_FILE);
  const value = readJsonFile(file, (reason, cause) => {
    throw new IndexManifestError(file, reason, { cause });
  });
  return value === undefined ? null : parseManifest(file, value);
}

/** Writes the manifest through a temporary file and a rename, so readers never see half of it. */
export function writeIndexManifest(dir: string, manifest: IndexManifest): void {
  writeFileAtomic(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

function parseManifest(file: string, value: unknown): IndexManifest {
  if (typeof value !== 'object' || value === null) throw new IndexManifestError(file, 'not a JSON object');
  const record = value as Record<string, unknown>;
  if (record.format !== MANIFEST_FORMAT) throw new IndexManifestError(file, `format ${String(record.format)} is not ${MANIFEST_FORMAT}`);
  const { embedderId, dimensions, count, updatedAt } = record;
  if (typeof embedderId !== 'string' || embedderId.length === 0) throw new IndexManifestError(file, 'embedderId is missing');
  if (!isCount(dimensions) || dimensions === 0) throw new IndexManifestError(file, 'dimensions is not a positive integer');
  if (!isCount(count)) throw new IndexManifestError(file, 'count is not a non-negative integer');
  const deletedLabels = Array.isArray(record.deletedLabels) ? record.deletedLabels.filter(isCount) : [];
  const indexFile = record.indexFile as Record<string, unknown> | null | undefined;
  return {
    embedderId,
    dimensions,
    count,
    ...(isCount(record.labelSum) ? { labelSum: record.labelSum } : {}),
    updatedAt: typeof updatedAt === 'string' ? updatedAt : '',
    format: MANIFEST_FORMAT,
    deletedLabels,
    indexFile: indexFile && isCount(indexFile.bytes) && typeof indexFile.modifiedMs === 'number' ? { bytes: indexFile.bytes, modifiedMs: indexFile.modifiedMs } : null,
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
