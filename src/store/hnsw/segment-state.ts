// Reading one segment's `vectors.hnsw` + `manifest.json` into memory, or starting it empty.
import fs from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { EmbedderMismatchError } from './embedder-mismatch-error.js';
import { HNSW_DEFAULTS } from './hnsw-settings.js';
import { INDEX_FILE, MANIFEST_FILE, readIndexManifest, type IndexManifest } from './index-manifest.js';

export type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

/** What identifies a segment's files and how a new one is built. */
export interface SegmentSpec {
  dir: string;
  embedderId: string;
  dimensions: number;
  /** Slots a new (empty) segment allocates; it grows past them when needed. */
  capacity: number;
  efConstruction: number;
  /**
   * Sealed segments never rewrite `vectors.hnsw`: their deletions are recorded in the manifest only, and applied
   * (hnswlib's markDelete) when the file is read.
   */
  sealed: boolean;
}

/** What a segment holds once read from disk. */
export interface SegmentState {
  hnsw: Hnsw;
  live: Set<number>;
  deleted: Set<number>;
  rebuildReason: string | null;
  dirty: boolean;
  diskVersion: string;
}

/** Reads the segment on this thread. */
export function loadSegmentStateNow(spec: SegmentSpec): SegmentState {
  const step = startLoading(spec);
  if ('state' in step) return step.state;
  try {
    step.hnsw.readIndexSync(step.indexFile);
  } catch (error) {
    return unreadableIndex(spec, step, error);
  }
  return finishLoading(spec, step);
}

/** `loadSegmentStateNow` with the file read by hnswlib-node in a libuv worker (an AsyncWorker): the event loop keeps answering. */
export async function loadSegmentStateInBackground(spec: SegmentSpec): Promise<SegmentState> {
  const step = startLoading(spec);
  if ('state' in step) return step.state;
  try {
    await step.hnsw.readIndex(step.indexFile);
  } catch (error) {
    return unreadableIndex(spec, step, error);
  }
  return finishLoading(spec, step);
}

/** An empty segment; `rebuildReason` says why files on disk were not used (null: there were none). */
export function emptySegmentState(spec: SegmentSpec, diskVersion: string, rebuildReason: string | null): SegmentState {
  const hnsw = new hnswlib.HierarchicalNSW('cosine', spec.dimensions);
  hnsw.initIndex(Math.max(1, spec.capacity), HNSW_DEFAULTS.m, spec.efConstruction, HNSW_DEFAULTS.randomSeed);
  // A rebuilt segment is saved even when nothing is added, so the bad files get replaced.
  return { hnsw, live: new Set(), deleted: new Set(), rebuildReason, dirty: rebuildReason !== null, diskVersion };
}

/** Identifies the saved manifest of a segment (a save renames a new file over it); "none" when absent. */
export function manifestVersion(dir: string): string {
  return fileVersion(path.join(dir, MANIFEST_FILE));
}

/** Identifies a file replaced by renames (inode, size, modification time); "none" when absent. */
export function fileVersion(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'none';
  }
}

/** Whether the manifest was saved with the index file now on disk (same size and modification time). */
export function manifestDescribesFile(manifest: IndexManifest, dir: string): boolean {
  try {
    const file = fs.statSync(path.join(dir, INDEX_FILE));
    return manifest.indexFile !== null && manifest.indexFile.bytes === file.size && manifest.indexFile.modifiedMs === file.mtimeMs;
  } catch {
    return false;
  }
}

/** Reads a segment's manifest, refusing one written by another embedder. */
export function readSegmentManifest(spec: Pick<SegmentSpec, 'dir' | 'embedderId' | 'dimensions'>): IndexManifest | null {
  const manifest = readIndexManifest(spec.dir);
  if (manifest && (manifest.embedderId !== spec.embedderId || manifest.dimensions !== spec.dimensions)) {
    throw new EmbedderMismatchError(spec.dir, { embedderId: spec.embedderId, dimensions: spec.dimensions }, { embedderId: manifest.embedderId, dimensions: manifest.dimensions });
  }
  return manifest;
}

function unreadableIndex(spec: SegmentSpec, step: PendingLoad, error: unknown): SegmentState {
  return emptySegmentState(spec, step.diskVersion, `could not read ${step.indexFile} (${(error as Error).message}); starting an empty index`);
}

interface PendingLoad {
  hnsw: Hnsw;
  indexFile: string;
  manifest: IndexManifest;
  diskVersion: string;
}

/** Checks the manifest and the file before reading: either a state already (empty, to rebuild) or what to read. */
function startLoading(spec: SegmentSpec): { state: SegmentState } | PendingLoad {
  const { dir, dimensions } = spec;
  // Read first: a save landing while the files are read changes it, and the next check reloads.
  const diskVersion = manifestVersion(dir);
  const indexFile = path.join(dir, INDEX_FILE);
  const hasIndexFile = fs.existsSync(indexFile);

  let manifest: IndexManifest | null;
  try {
    manifest = readSegmentManifest(spec);
  } catch (error) {
    if (error instanceof EmbedderMismatchError) throw error;
    return { state: emptySegmentState(spec, diskVersion, `${(error as Error).message}; starting an empty index`) };
  }
  if (!manifest) {
    return { state: emptySegmentState(spec, diskVersion, hasIndexFile ? `${indexFile} has no ${MANIFEST_FILE}; starting an empty index` : null) };
  }
  if (!hasIndexFile) {
    return { state: emptySegmentState(spec, diskVersion, manifest.count > 0 ? `${indexFile} is missing; starting an empty index` : null) };
  }
  return { hnsw: new hnswlib.HierarchicalNSW('cosine', dimensions), indexFile, manifest, diskVersion };
}

function finishLoading(spec: SegmentSpec, { hnsw, indexFile, manifest, diskVersion }: PendingLoad): SegmentState {
  const stored = hnsw.getIdsList();
  const current = manifestDescribesFile(manifest, path.dirname(indexFile));
  const deleted = new Set<number>();
  const live = new Set<number>();
  if (current) {
    const listed = new Set(manifest.deletedLabels);
    for (const id of stored) (listed.has(id) ? deleted : live).add(id);
    // A sealed segment's file predates the deletions its manifest lists.
    if (spec.sealed) for (const id of deleted) if (!isDeletedLabel(hnsw, id)) hnsw.markDelete(id);
  } else {
    // The manifest is not the one saved with this file (a crash between the two renames), so
    // its list of deleted labels may be stale: ask hnswlib about each label instead.
    for (const id of stored) (isDeletedLabel(hnsw, id) ? deleted : live).add(id);
  }
  return { hnsw, live, deleted, rebuildReason: null, dirty: !current, diskVersion };
}

/** hnswlib refuses to return the vector of a deleted label; that is the only way to ask. */
function isDeletedLabel(hnsw: Hnsw, id: number): boolean {
  try {
    hnsw.getPoint(id);
    return false;
  } catch {
    return true;
  }
}
