import fs from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { LabelFingerprint, VectorHit, VectorIndex } from '../vector-index.js';
import { EmbedderMismatchError } from './embedder-mismatch-error.js';
import { INDEX_FILE, MANIFEST_FILE, MANIFEST_FORMAT, readIndexManifest, writeIndexManifest, type IndexManifest } from './index-manifest.js';
import { TEMPORARY_SUFFIX, commitTemporaryFile } from './write-file-atomic.js';

export interface OpenHnswVectorIndexOptions {
  /** Directory of `vectors.hnsw` + `manifest.json` (created when absent). */
  dir: string;
  /** Id of the configured embedder; must match the manifest of an existing index. */
  embedderId: string;
  dimensions: number;
  /** Discard whatever is on disk and start empty (`newsbot reindex`). Default false. */
  reset?: boolean;
  /** Slots allocated for a new index; it grows as needed. Default 1024. */
  initialCapacity?: number;
  /**
   * Construction effort (hnswlib's ef_construction) of a new index: higher builds a better graph,
   * slower. Default 200. An existing index keeps the value it was built with (stored in its file).
   */
  efConstruction?: number;
}

/** HNSW settings: hnswlib's usual construction values, good recall for 512-dim text vectors. */
const HNSW_DEFAULTS = {
  /** Links per node (hnswlib's M). */
  m: 16,
  /** Construction effort of a new index (`efConstruction` overrides it). */
  efConstruction: 200,
  randomSeed: 100,
  /** Capacity of a new index (`initialCapacity` overrides it). */
  initialCapacity: 1024,
  /** Growth step cap, so a 1M-vector index does not double its allocation at once. */
  maxGrowth: 131_072,
  /** ef below which search is not set: more candidates help most on flat data (hash vectors). */
  minEfSearch: 200,
} as const;

type Hnsw = InstanceType<typeof hnswlib.HierarchicalNSW>;

/**
 * Vector index backed by hnswlib-node, persisted as `vectors.hnsw` + `manifest.json`.
 * Cosine space: hnswlib normalizes vectors (ours already are) and returns distance = 1 - cosine
 * similarity. Removed vectors are only marked deleted and keep their slot: hnswlib can reuse
 * slots, but each reuse repairs the graph around it (6 ms against 0.7 ms for an addition at
 * 100k vectors), and an archive mostly grows. `newsbot reindex` compacts.
 *
 * The file is read when first needed, or in the background (`loadInBackground`, off the main thread): at a
 * million vectors it is 2 GB and takes seconds, which a restarting worker should not wait for.
 */
export class HnswVectorIndex implements VectorIndex {
  readonly dimensions: number;
  readonly dir: string;
  readonly embedderId: string;
  private readonly options: OpenHnswVectorIndexOptions;
  private current: IndexState | null;
  private loading: Promise<void> | null = null;

  /** Use `openHnswVectorIndex`. */
  constructor(options: OpenHnswVectorIndexOptions, state: IndexState | null) {
    this.options = { ...options, reset: false };
    this.dir = options.dir;
    this.embedderId = options.embedderId;
    this.dimensions = options.dimensions;
    this.current = state;
  }

  /** True when files on disk could not be used and the index started empty; re-embed everything. */
  get rebuiltFromScratch(): boolean {
    return this.state.rebuildReason !== null;
  }

  /** Why the index started empty, when `rebuiltFromScratch` (for the log). */
  get rebuildReason(): string | null {
    return this.state.rebuildReason;
  }

  /** False until the file has been read (searching before would read it on the caller's thread). */
  isLoaded(): boolean {
    return this.current !== null;
  }

  /** True while `loadInBackground` is reading the file: a search now would wait for it. */
  loadingInBackground(): boolean {
    return this.current === null && this.loading !== null;
  }

  /** Reads the file on a worker thread, when nothing has read it yet; the index answers from it once done. */
  loadInBackground(): Promise<void> {
    if (this.current) return Promise.resolve();
    this.loading ??= loadIndexStateInBackground(this.options)
      .then((state) => {
        this.current ??= state;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** Whether the saved files hold exactly the labels `expected` describes, judged from the manifest alone. */
  savedFilesMatch(expected: LabelFingerprint): boolean {
    if (this.current?.dirty) return false;
    let manifest: IndexManifest | null;
    try {
      manifest = readIndexManifest(this.dir);
    } catch {
      return false;
    }
    if (!manifest || manifest.labelSum === undefined || !manifestDescribesFile(manifest, this.dir)) return false;
    return manifest.count === expected.count && manifest.labelSum === expected.labelSum;
  }

  count(): number {
    this.followDisk();
    return this.state.live.size;
  }

  ids(): number[] {
    this.followDisk();
    return [...this.state.live];
  }

  /** True when this instance holds changes `save` has not written yet. */
  get unsavedChanges(): boolean {
    return this.current?.dirty ?? false;
  }

  /** True when another process saved the index since this instance loaded or saved it. */
  changedOnDisk(): boolean {
    return this.current !== null && manifestVersion(this.dir) !== this.current.diskVersion;
  }

  /**
   * Replaces what this instance holds with the files on disk, dropping unsaved changes.
   * A writer calls it after taking the write lock, so it builds on the other writers' vectors.
   */
  reload(): void {
    if (!this.current) return;
    // Only a holder of the write lock saves: a stale manifest is rewritten by its next save.
    this.current = { ...loadIndexStateNow(this.options), dirty: false };
  }

  /** Adds a vector, or replaces the vector of a label already present. */
  add(id: number, vector: Float32Array): void {
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError(`vector label must be a 32-bit unsigned integer, got ${id}`);
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector for label ${id} has ${vector.length} dimensions, the index expects ${this.dimensions}`);
    }
    const state = this.state;
    // A label already stored (live or deleted) is updated in place, and revived if deleted.
    if (!state.live.has(id) && !state.deleted.has(id)) ensureCapacity(state.hnsw);
    state.hnsw.addPoint(Array.from(vector), id);
    state.deleted.delete(id);
    state.live.add(id);
    state.dirty = true;
  }

  /** Marks a label deleted; unknown labels are ignored. */
  remove(id: number): void {
    const state = this.state;
    if (!state.live.has(id)) return;
    state.hnsw.markDelete(id);
    state.live.delete(id);
    state.deleted.add(id);
    state.dirty = true;
  }

  search(vector: Float32Array, k: number): VectorHit[] {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`query vector has ${vector.length} dimensions, the index expects ${this.dimensions}`);
    }
    this.followDisk();
    const { hnsw, live } = this.state;
    const wanted = Math.min(Math.floor(k), live.size);
    if (wanted <= 0) return [];
    hnsw.setEf(Math.max(wanted * 2, HNSW_DEFAULTS.minEfSearch));
    const result = hnsw.searchKnn(Array.from(vector), wanted);
    const hits: VectorHit[] = [];
    result.neighbors.forEach((id, position) => {
      if (!live.has(id)) return;
      hits.push({ id, similarity: 1 - (result.distances[position] ?? 1) });
    });
    return hits;
  }

  /** Writes `vectors.hnsw` then `manifest.json`, each via a temporary file + rename. */
  save(): void {
    const state = this.current;
    if (!state?.dirty) return;
    fs.mkdirSync(this.dir, { recursive: true });
    const indexFile = path.join(this.dir, INDEX_FILE);
    const temporary = indexFile + TEMPORARY_SUFFIX;
    state.hnsw.writeIndexSync(temporary);
    commitTemporaryFile(temporary, indexFile);
    const saved = fs.statSync(indexFile);
    let labelSum = 0;
    for (const id of state.live) labelSum += id;
    const manifest: IndexManifest = {
      embedderId: this.embedderId,
      dimensions: this.dimensions,
      count: state.live.size,
      labelSum,
      updatedAt: new Date().toISOString(),
      format: MANIFEST_FORMAT,
      deletedLabels: [...state.deleted].sort((left, right) => left - right),
      indexFile: { bytes: saved.size, modifiedMs: saved.mtimeMs },
    };
    writeIndexManifest(this.dir, manifest);
    state.dirty = false;
    state.diskVersion = manifestVersion(this.dir);
  }

  /** The stored vector of a live label (as hnswlib holds it: normalized), or null; `newsbot migrate` copies them. */
  vector(id: number): Float32Array | null {
    this.followDisk();
    const { hnsw, live } = this.state;
    return live.has(id) ? Float32Array.from(hnsw.getPoint(id)) : null;
  }

  /** Slots allocated (live + deleted + free); for benchmarks and tests. */
  capacity(): number {
    return this.state.hnsw.getMaxElements();
  }

  /** The loaded state, read now (on this thread) when nothing has read it yet. */
  private get state(): IndexState {
    this.current ??= loadIndexStateNow(this.options);
    return this.current;
  }

  /**
   * A reader (no unsaved changes) follows the saves of writers in other processes, so `serve`
   * searches the vectors an `ingest` beside it added. A stat per call; the reload only on change.
   */
  private followDisk(): void {
    if (this.current && !this.current.dirty && this.changedOnDisk()) this.reload();
  }
}

function ensureCapacity(hnsw: Hnsw): void {
  const capacity = hnsw.getMaxElements();
  if (hnsw.getCurrentCount() < capacity) return;
  hnsw.resizeIndex(capacity + Math.max(1, Math.min(capacity, HNSW_DEFAULTS.maxGrowth)));
}

/**
 * Opens the index in `dir`, or starts an empty one when there is none. The vectors are read when first needed
 * (or by `loadInBackground`); the manifest is read now.
 * Throws `EmbedderMismatchError` when the index was built by another embedder.
 * A missing, truncated or corrupt index file does not throw: the index starts empty and
 * `rebuiltFromScratch` is set, so the caller re-embeds the database's chunks.
 */
export function openHnswVectorIndex(options: OpenHnswVectorIndexOptions): HnswVectorIndex {
  const { dir, dimensions } = options;
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  if (options.reset) resetHnswVectorIndex(dir);
  fs.mkdirSync(dir, { recursive: true });
  removeTemporaryFiles(dir);
  let manifest: IndexManifest | null = null;
  try {
    manifest = readIndexManifest(dir);
  } catch {
    // An unreadable manifest starts an empty index when the vectors are read (see loadIndexState).
  }
  if (manifest && (manifest.embedderId !== options.embedderId || manifest.dimensions !== dimensions)) {
    throw new EmbedderMismatchError(dir, { embedderId: options.embedderId, dimensions }, { embedderId: manifest.embedderId, dimensions: manifest.dimensions });
  }
  return new HnswVectorIndex(options, null);
}

/** What an index instance holds, read from disk. */
interface IndexState {
  hnsw: Hnsw;
  live: Set<number>;
  deleted: Set<number>;
  rebuildReason: string | null;
  dirty: boolean;
  diskVersion: string;
}

function loadIndexStateNow(options: OpenHnswVectorIndexOptions): IndexState {
  const step = startLoading(options);
  if ('state' in step) return step.state;
  try {
    step.hnsw.readIndexSync(step.indexFile);
  } catch (error) {
    return unreadableIndex(options, step, error);
  }
  return finishLoading(step);
}

/** `loadIndexStateNow` with the file read by hnswlib-node in a libuv worker (an AsyncWorker): the event loop keeps answering. */
async function loadIndexStateInBackground(options: OpenHnswVectorIndexOptions): Promise<IndexState> {
  const step = startLoading(options);
  if ('state' in step) return step.state;
  try {
    await step.hnsw.readIndex(step.indexFile);
  } catch (error) {
    return unreadableIndex(options, step, error);
  }
  return finishLoading(step);
}

function unreadableIndex(options: OpenHnswVectorIndexOptions, step: PendingLoad, error: unknown): IndexState {
  return emptyIndex(options, step.diskVersion, `could not read ${step.indexFile} (${(error as Error).message}); starting an empty index`);
}

interface PendingLoad {
  hnsw: Hnsw;
  indexFile: string;
  manifest: IndexManifest;
  diskVersion: string;
}

/** Checks the manifest and the file before reading: either a state already (empty, to rebuild) or what to read. */
function startLoading(options: OpenHnswVectorIndexOptions): { state: IndexState } | PendingLoad {
  const { dir, embedderId, dimensions } = options;
  // Read first: a save landing while the files are read changes it, and the next check reloads.
  const diskVersion = manifestVersion(dir);
  const indexFile = path.join(dir, INDEX_FILE);
  const hasIndexFile = fs.existsSync(indexFile);

  let manifest: IndexManifest | null;
  try {
    manifest = readIndexManifest(dir);
  } catch (error) {
    return { state: emptyIndex(options, diskVersion, `${(error as Error).message}; starting an empty index`) };
  }
  if (manifest && (manifest.embedderId !== embedderId || manifest.dimensions !== dimensions)) {
    throw new EmbedderMismatchError(dir, { embedderId, dimensions }, { embedderId: manifest.embedderId, dimensions: manifest.dimensions });
  }
  if (!manifest) {
    return { state: emptyIndex(options, diskVersion, hasIndexFile ? `${indexFile} has no ${MANIFEST_FILE}; starting an empty index` : null) };
  }
  if (!hasIndexFile) {
    return { state: emptyIndex(options, diskVersion, manifest.count > 0 ? `${indexFile} is missing; starting an empty index` : null) };
  }
  return { hnsw: new hnswlib.HierarchicalNSW('cosine', dimensions), indexFile, manifest, diskVersion };
}

function finishLoading({ hnsw, indexFile, manifest, diskVersion }: PendingLoad): IndexState {
  const stored = hnsw.getIdsList();
  const current = manifestDescribesFile(manifest, path.dirname(indexFile));
  const deleted = new Set<number>();
  const live = new Set<number>();
  if (current) {
    const listed = new Set(manifest.deletedLabels);
    for (const id of stored) (listed.has(id) ? deleted : live).add(id);
  } else {
    // The manifest is not the one saved with this file (a crash between the two renames), so
    // its list of deleted labels may be stale: ask hnswlib about each label instead.
    for (const id of stored) (isDeletedLabel(hnsw, id) ? deleted : live).add(id);
  }
  return { hnsw, live, deleted, rebuildReason: null, dirty: !current, diskVersion };
}

/** Whether the manifest was saved with the index file now on disk (same size and modification time). */
function manifestDescribesFile(manifest: IndexManifest, dir: string): boolean {
  try {
    const file = fs.statSync(path.join(dir, INDEX_FILE));
    return manifest.indexFile !== null && manifest.indexFile.bytes === file.size && manifest.indexFile.modifiedMs === file.mtimeMs;
  } catch {
    return false;
  }
}

/** Deletes the index files in `dir` (the directory itself stays). */
export function resetHnswVectorIndex(dir: string): void {
  for (const name of [INDEX_FILE, MANIFEST_FILE]) {
    fs.rmSync(path.join(dir, name), { force: true });
    fs.rmSync(path.join(dir, name + TEMPORARY_SUFFIX), { force: true });
  }
}

function emptyIndex(options: OpenHnswVectorIndexOptions, diskVersion: string, rebuildReason: string | null): IndexState {
  const hnsw = new hnswlib.HierarchicalNSW('cosine', options.dimensions);
  hnsw.initIndex(
    Math.max(1, options.initialCapacity ?? HNSW_DEFAULTS.initialCapacity),
    HNSW_DEFAULTS.m,
    options.efConstruction ?? HNSW_DEFAULTS.efConstruction,
    HNSW_DEFAULTS.randomSeed,
  );
  // A rebuilt index is saved even when nothing is added, so the bad files get replaced.
  return { hnsw, live: new Set(), deleted: new Set(), rebuildReason, dirty: rebuildReason !== null, diskVersion };
}

/** Identifies the saved manifest (a save renames a new file over it); "none" when absent. */
function manifestVersion(dir: string): string {
  try {
    const stat = fs.statSync(path.join(dir, MANIFEST_FILE));
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'none';
  }
}

function removeTemporaryFiles(dir: string): void {
  for (const name of [INDEX_FILE, MANIFEST_FILE]) fs.rmSync(path.join(dir, name + TEMPORARY_SUFFIX), { force: true });
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
