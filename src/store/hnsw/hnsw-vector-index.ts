import fs from 'node:fs';
import path from 'node:path';
import type { LabelFingerprint, VectorHit, VectorIndex } from '../vector-index.js';
import { HnswSegment } from './hnsw-segment.js';
import { HNSW_DEFAULTS } from './hnsw-settings.js';
import { INDEX_FILE, MANIFEST_FILE } from './index-manifest.js';
import { LABELS_FILE } from './segment-labels.js';
import { ROOT_SEGMENT, SEGMENT_LIST_FILE, readSegmentList, segmentName, writeSegmentList } from './segment-list.js';
import { fileVersion, readSegmentManifest } from './segment-state.js';
import { EmbedderMismatchError } from './embedder-mismatch-error.js';
import { TEMPORARY_SUFFIX } from './write-file-atomic.js';

export interface OpenHnswVectorIndexOptions {
  /** Directory of the index: its first segment's `vectors.hnsw` + `manifest.json`, and the later segments' folders (created when absent). */
  dir: string;
  /** Id of the configured embedder; must match the manifest of an existing index. */
  embedderId: string;
  dimensions: number;
  /** Discard whatever is on disk and start empty (`newsbot reindex`). Default false. */
  reset?: boolean;
  /** Slots allocated for a new segment; it grows as needed. Default: `segmentVectors`. */
  initialCapacity?: number;
  /**
   * Construction effort (hnswlib's ef_construction) of a new segment: higher builds a better graph,
   * slower. Default 200. An existing segment keeps the value it was built with (stored in its file).
   */
  efConstruction?: number;
  /** Vectors the open segment takes before it is sealed and a new one opened (`INDEX_SEGMENT_VECTORS`). Default 200,000. */
  segmentVectors?: number;
}

/**
 * Vector index backed by hnswlib-node: a list of segments on disk (`segments.json`), the way full-text engines keep
 * theirs. Additions go to the last (open) segment; when it holds `segmentVectors` vectors it is saved, sealed and,
 * unless this process searches, released from memory, and a new segment opened. A search asks every segment for its
 * k nearest and keeps the k nearest of all; a removal reaches the segment holding the label (a sealed one records it
 * in its manifest and marks it deleted in the graph when read). An index saved before segments is one segment.
 *
 * Cosine space: hnswlib normalizes vectors (ours already are) and returns distance = 1 - cosine similarity. Removed
 * vectors are only marked deleted and keep their slot (reusing slots repairs the graph around them, 6 ms against
 * 0.7 ms for an addition at 100k vectors); `newsbot reindex` compacts.
 *
 * Segments are read when first needed, or in the background (`loadInBackground`, off the main thread): at a million
 * vectors they are 2 GB and take seconds, which a restarting worker should not wait for. A process that only ingests
 * reads the open segment and the sealed segments' label lists, never their vectors.
 */
export class HnswVectorIndex implements VectorIndex {
  readonly dimensions: number;
  readonly dir: string;
  readonly embedderId: string;
  private readonly options: OpenHnswVectorIndexOptions;
  private readonly segmentVectors: number;
  private segments: HnswSegment[];
  private listVersion: string;
  /** Set by the first search: a process that searches keeps the segments it seals in memory. */
  private searched = false;

  /** Use `openHnswVectorIndex`. */
  constructor(options: OpenHnswVectorIndexOptions) {
    this.options = { ...options, reset: false };
    this.dir = options.dir;
    this.embedderId = options.embedderId;
    this.dimensions = options.dimensions;
    this.segmentVectors = options.segmentVectors ?? HNSW_DEFAULTS.segmentVectors;
    this.listVersion = fileVersion(path.join(this.dir, SEGMENT_LIST_FILE));
    this.segments = this.readSegments();
  }

  /** True when files on disk could not be used and a segment started empty; the caller re-embeds what is missing. */
  get rebuiltFromScratch(): boolean {
    return this.rebuildReason !== null;
  }

  /** Why a segment started empty, when `rebuiltFromScratch` (for the log). Reads the open segment. */
  get rebuildReason(): string | null {
    this.openSegment.count();
    return this.segments.map((segment) => segment.rebuildReason).find((reason) => reason !== null) ?? null;
  }

  /** False until every segment has been read (searching before would read the rest on the caller's thread). */
  isLoaded(): boolean {
    return this.segments.every((segment) => segment.isLoaded());
  }

  /** Number of segments (the last one open). */
  segmentCount(): number {
    return this.segments.length;
  }

  /** Segments whose vectors are in memory; for benchmarks and tests. */
  loadedSegmentCount(): number {
    return this.segments.filter((segment) => segment.isLoaded()).length;
  }

  /** True while `loadInBackground` is reading: a search now would wait for it. */
  loadingInBackground(): boolean {
    return this.segments.some((segment) => segment.loadingInBackground());
  }

  /** Reads every segment on worker threads; the index answers from them once done. A serving process calls it. */
  async loadInBackground(): Promise<void> {
    this.searched = true;
    await Promise.all(this.segments.map((segment) => segment.loadInBackground()));
  }

  /** Whether the saved files hold exactly the labels `expected` describes, judged from the manifests alone. */
  savedFilesMatch(expected: LabelFingerprint): boolean {
    let count = 0;
    let labelSum = 0;
    for (const segment of this.segments) {
      const saved = segment.savedFingerprint();
      if (!saved) return false;
      count += saved.count;
      labelSum += saved.labelSum;
    }
    return count === expected.count && labelSum === expected.labelSum;
  }

  count(): number {
    this.followDisk();
    return this.segments.reduce((total, segment) => total + segment.count(), 0);
  }

  ids(): number[] {
    this.followDisk();
    return this.segments.flatMap((segment) => segment.ids());
  }

  /** True when this instance holds changes `save` has not written yet. */
  get unsavedChanges(): boolean {
    return this.segments.some((segment) => segment.unsavedChanges);
  }

  /** True when another process saved the index since this instance read or saved it. */
  changedOnDisk(): boolean {
    return fileVersion(path.join(this.dir, SEGMENT_LIST_FILE)) !== this.listVersion || this.segments.some((segment) => segment.changedOnDisk());
  }

  /**
   * Replaces what this instance holds with the files on disk, dropping unsaved changes; segments unchanged on disk
   * are kept as they are. A writer calls it after taking the write lock, so it builds on the other writers' vectors.
   */
  reload(): void {
    const kept = new Map(this.segments.filter((segment) => !segment.unsavedChanges && !segment.changedOnDisk()).map((segment) => [segment.dir, segment]));
    this.listVersion = fileVersion(path.join(this.dir, SEGMENT_LIST_FILE));
    const names = readSegmentList(this.dir);
    this.segments = names.map((name, position) => {
      const segment = kept.get(path.join(this.dir, name));
      return segment && segment.sealed === position < names.length - 1 ? segment : this.segment(name, position < names.length - 1);
    });
  }

  /** Adds a vector, or replaces the vector of a label already present (the label moves to the open segment). */
  add(id: number, vector: Float32Array): void {
    if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError(`vector label must be a 32-bit unsigned integer, got ${id}`);
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector for label ${id} has ${vector.length} dimensions, the index expects ${this.dimensions}`);
    }
    for (const segment of this.segments) if (segment.sealed) segment.remove(id);
    if (this.openSegment.storedCount() >= this.segmentVectors && !this.openSegment.stores(id)) this.openNextSegment();
    this.openSegment.add(id, vector);
  }

  /** Marks a label deleted in the segment holding it; unknown labels are ignored. */
  remove(id: number): void {
    for (const segment of this.segments) segment.remove(id);
  }

  /** The k nearest of every segment's k nearest (one segment: exactly its own answer). */
  search(vector: Float32Array, k: number): VectorHit[] {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`query vector has ${vector.length} dimensions, the index expects ${this.dimensions}`);
    }
    this.followDisk();
    this.searched = true;
    if (this.segments.length === 1) return this.openSegment.search(vector, k);
    const hits = this.segments.flatMap((segment) => segment.search(vector, k));
    hits.sort((left, right) => right.similarity - left.similarity);
    const seen = new Set<number>();
    return hits.filter((hit) => !seen.has(hit.id) && seen.add(hit.id)).slice(0, Math.max(0, Math.floor(k)));
  }

  /**
   * Writes every segment that changed (sealed ones first: a deletion there is saved before the vector that replaces it
   * in the open segment), then the segment list.
   */
  save(): void {
    if (!this.unsavedChanges) return;
    for (const segment of this.segments) segment.save();
    if (this.segments.length > 1) this.writeList();
  }

  /** The stored vector of a live label (as hnswlib holds it: normalized), or null; `newsbot migrate` copies them. */
  vector(id: number): Float32Array | null {
    this.followDisk();
    return this.segments.find((segment) => segment.holds(id))?.vector(id) ?? null;
  }

  /** Slots allocated in the open segment (live + deleted + free); for benchmarks and tests. */
  capacity(): number {
    return this.openSegment.capacity();
  }

  private get openSegment(): HnswSegment {
    return this.segments[this.segments.length - 1]!;
  }

  /** Saves and seals the open segment, and opens the next one, listed on disk at once. */
  private openNextSegment(): void {
    this.save();
    this.openSegment.seal(this.searched);
    const name = segmentName(this.segments.length);
    const dir = path.join(this.dir, name);
    // Leftovers of a segment opened by a process that died before listing it.
    fs.rmSync(dir, { recursive: true, force: true });
    this.segments.push(this.segment(name, false));
    this.writeList();
  }

  private writeList(): void {
    writeSegmentList(
      this.dir,
      this.segments.map((segment) => path.relative(this.dir, segment.dir) || ROOT_SEGMENT),
    );
    this.listVersion = fileVersion(path.join(this.dir, SEGMENT_LIST_FILE));
  }

  private readSegments(): HnswSegment[] {
    const names = readSegmentList(this.dir);
    return names.map((name, position) => this.segment(name, position < names.length - 1));
  }

  private segment(name: string, sealed: boolean): HnswSegment {
    return new HnswSegment({
      dir: path.join(this.dir, name),
      embedderId: this.embedderId,
      dimensions: this.dimensions,
      capacity: this.options.initialCapacity ?? this.segmentVectors,
      efConstruction: this.options.efConstruction ?? HNSW_DEFAULTS.efConstruction,
      sealed,
    });
  }

  /**
   * A reader (no unsaved changes) follows the saves of writers in other processes, so `serve`
   * searches the vectors an `ingest` beside it added. A stat per segment per call; a segment is read again only when
   * its files changed.
   */
  private followDisk(): void {
    if (!this.unsavedChanges && this.changedOnDisk()) this.reload();
  }
}

/**
 * Opens the index in `dir`, or starts an empty one when there is none. The vectors are read when first needed
 * (or by `loadInBackground`); the segment list and the first manifest are read now.
 * Throws `EmbedderMismatchError` when the index was built by another embedder, `SegmentListError` when its segment
 * list is unreadable. A missing, truncated or corrupt index file does not throw: that segment starts empty and
 * `rebuiltFromScratch` is set, so the caller re-embeds the database's chunks.
 */
export function openHnswVectorIndex(options: OpenHnswVectorIndexOptions): HnswVectorIndex {
  const { dir, dimensions } = options;
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  if (options.segmentVectors !== undefined && !(Number.isInteger(options.segmentVectors) && options.segmentVectors > 0)) {
    throw new RangeError(`segmentVectors must be a positive integer, got ${options.segmentVectors}`);
  }
  if (options.reset) resetHnswVectorIndex(dir);
  fs.mkdirSync(dir, { recursive: true });
  const index = new HnswVectorIndex(options);
  for (const name of readSegmentList(dir)) {
    const segmentDir = path.join(dir, name);
    removeTemporaryFiles(segmentDir);
    try {
      readSegmentManifest({ dir: segmentDir, embedderId: options.embedderId, dimensions });
    } catch (error) {
      // An unreadable manifest starts that segment empty when it is read (see segment-state.ts); another embedder's is refused now.
      if (error instanceof EmbedderMismatchError) throw error;
    }
  }
  return index;
}

/** Deletes the index files in `dir`, every segment's included (the directory itself stays). */
export function resetHnswVectorIndex(dir: string): void {
  for (const name of [INDEX_FILE, MANIFEST_FILE, LABELS_FILE, SEGMENT_LIST_FILE]) {
    fs.rmSync(path.join(dir, name), { force: true });
    fs.rmSync(path.join(dir, name + TEMPORARY_SUFFIX), { force: true });
  }
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) if (/^segment-\d{6,}$/.test(entry)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}

function removeTemporaryFiles(dir: string): void {
  for (const name of [INDEX_FILE, MANIFEST_FILE, LABELS_FILE, SEGMENT_LIST_FILE]) fs.rmSync(path.join(dir, name + TEMPORARY_SUFFIX), { force: true });
}
