import fs from 'node:fs';
import path from 'node:path';
import type { VectorHit } from '../vector-index.js';
import { HNSW_DEFAULTS } from './hnsw-settings.js';
import { INDEX_FILE, MANIFEST_FORMAT, writeIndexManifest, type IndexManifest } from './index-manifest.js';
import { readSegmentLabels, sortedLabelsInclude, writeSegmentLabels } from './segment-labels.js';
import {
  loadSegmentStateInBackground,
  loadSegmentStateNow,
  manifestDescribesFile,
  manifestVersion,
  readSegmentManifest,
  type Hnsw,
  type SegmentSpec,
  type SegmentState,
} from './segment-state.js';
import { TEMPORARY_SUFFIX, commitTemporaryFile } from './write-file-atomic.js';

/** What a sealed segment not in memory is known by: its labels file and its manifest. */
interface SegmentCatalog {
  /** Every label in the segment's file, sorted. */
  stored: Uint32Array;
  deleted: Set<number>;
  /** Deletions not saved to the manifest yet. */
  dirty: boolean;
  diskVersion: string;
}

/**
 * One HNSW graph of the segmented index, in its own folder (`vectors.hnsw` + `manifest.json`, and `labels.u32` once
 * sealed). The open segment takes additions; a sealed one only takes deletions, which its manifest records, so a
 * process that never searches it never reads its vectors.
 */
export class HnswSegment {
  readonly dir: string;
  private spec: SegmentSpec;
  private current: SegmentState | null = null;
  private catalog: SegmentCatalog | null = null;
  private loading: Promise<void> | null = null;

  constructor(spec: SegmentSpec) {
    this.spec = spec;
    this.dir = spec.dir;
  }

  get sealed(): boolean {
    return this.spec.sealed;
  }

  isLoaded(): boolean {
    return this.current !== null;
  }

  loadingInBackground(): boolean {
    return this.current === null && this.loading !== null;
  }

  /** Reads the vectors on a worker thread, when nothing has read them yet. */
  loadInBackground(): Promise<void> {
    if (this.current) return Promise.resolve();
    this.loading ??= loadSegmentStateInBackground(this.spec)
      .then((state) => {
        if (this.current) return;
        this.current = this.withCatalogChanges(state);
        this.catalog = null;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** Why the segment started empty (its files were unreadable), once read; null otherwise. */
  get rebuildReason(): string | null {
    return this.current?.rebuildReason ?? null;
  }

  get unsavedChanges(): boolean {
    return (this.current?.dirty ?? false) || (this.catalog?.dirty ?? false);
  }

  /** True when another process saved this segment since this instance read it. */
  changedOnDisk(): boolean {
    const held = this.current?.diskVersion ?? this.catalog?.diskVersion;
    return held !== undefined && manifestVersion(this.dir) !== held;
  }

  /** Live labels. */
  count(): number {
    const catalog = this.sealedCatalog();
    return catalog ? catalog.stored.length - catalog.deleted.size : this.state.live.size;
  }

  ids(): number[] {
    const catalog = this.sealedCatalog();
    if (!catalog) return [...this.state.live];
    const ids: number[] = [];
    for (const id of catalog.stored) if (!catalog.deleted.has(id)) ids.push(id);
    return ids;
  }

  /** Whether `id` is a live label here. */
  holds(id: number): boolean {
    const catalog = this.sealedCatalog();
    return catalog ? sortedLabelsInclude(catalog.stored, id) && !catalog.deleted.has(id) : this.state.live.has(id);
  }

  /** Slots taken in the graph (live and deleted labels): what the size bound counts. */
  storedCount(): number {
    return this.state.hnsw.getCurrentCount();
  }

  /** Whether the graph has a slot for `id` already (live or deleted): adding it again reuses the slot. */
  stores(id: number): boolean {
    const state = this.state;
    return state.live.has(id) || state.deleted.has(id);
  }

  add(id: number, vector: Float32Array): void {
    if (this.spec.sealed) throw new Error(`segment ${this.dir} is sealed; vectors are added to the open segment`);
    const state = this.state;
    if (!this.stores(id)) ensureCapacity(state.hnsw);
    state.hnsw.addPoint(Array.from(vector), id);
    state.deleted.delete(id);
    state.live.add(id);
    state.dirty = true;
  }

  /** Marks a live label deleted; returns false when it is not live here. */
  remove(id: number): boolean {
    if (!this.holds(id)) return false;
    if (this.current) {
      this.current.hnsw.markDelete(id);
      this.current.live.delete(id);
      this.current.deleted.add(id);
      this.current.dirty = true;
    } else if (this.catalog) {
      this.catalog.deleted.add(id);
      this.catalog.dirty = true;
    }
    return true;
  }

  search(vector: Float32Array, k: number): VectorHit[] {
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

  vector(id: number): Float32Array | null {
    const { hnsw, live } = this.state;
    return live.has(id) ? Float32Array.from(hnsw.getPoint(id)) : null;
  }

  capacity(): number {
    return this.state.hnsw.getMaxElements();
  }

  /**
   * Writes what changed: the open segment its `vectors.hnsw` then `manifest.json` (each via a temporary file and a
   * rename), a sealed one its manifest only (its vectors file never changes once sealed).
   */
  save(): void {
    if (!this.unsavedChanges) return;
    fs.mkdirSync(this.dir, { recursive: true });
    const state = this.current;
    if (state && (!this.spec.sealed || state.rebuildReason !== null)) {
      const indexFile = path.join(this.dir, INDEX_FILE);
      state.hnsw.writeIndexSync(indexFile + TEMPORARY_SUFFIX);
      commitTemporaryFile(indexFile + TEMPORARY_SUFFIX, indexFile);
      // A rebuilt sealed segment is empty now: its labels file says so.
      if (this.spec.sealed) writeSegmentLabels(this.dir, []);
    }
    const live = state ? state.live : this.ids();
    const deleted = state ? state.deleted : (this.catalog?.deleted ?? new Set<number>());
    let labelSum = 0;
    let count = 0;
    for (const id of live) {
      labelSum += id;
      count += 1;
    }
    const saved = fs.statSync(path.join(this.dir, INDEX_FILE));
    const manifest: IndexManifest = {
      embedderId: this.spec.embedderId,
      dimensions: this.spec.dimensions,
      count,
      labelSum,
      updatedAt: new Date().toISOString(),
      format: MANIFEST_FORMAT,
      deletedLabels: [...deleted].sort((left, right) => left - right),
      indexFile: { bytes: saved.size, modifiedMs: saved.mtimeMs },
    };
    writeIndexManifest(this.dir, manifest);
    const diskVersion = manifestVersion(this.dir);
    if (state) {
      state.dirty = false;
      state.diskVersion = diskVersion;
    }
    if (this.catalog) {
      this.catalog.dirty = false;
      this.catalog.diskVersion = diskVersion;
    }
  }

  /**
   * Seals the open segment: saves it, writes its labels file, and from then on takes deletions only. `keepLoaded`
   * false releases its vectors from memory (a process that only ingests never reads them again).
   */
  seal(keepLoaded: boolean): void {
    const state = this.state;
    this.save();
    writeSegmentLabels(this.dir, [...state.live, ...state.deleted]);
    this.spec = { ...this.spec, sealed: true };
    if (keepLoaded) return;
    this.catalog = { stored: Uint32Array.from([...state.live, ...state.deleted]).sort(), deleted: new Set(state.deleted), dirty: false, diskVersion: state.diskVersion };
    this.current = null;
    // hnswlib-node frees a graph when its wrapper is garbage-collected, which V8 does not hurry for memory it cannot
    // see; a new one-slot graph in the same wrapper frees the sealed one now.
    state.hnsw.initIndex(1, HNSW_DEFAULTS.m, HNSW_DEFAULTS.efConstruction, HNSW_DEFAULTS.randomSeed);
  }

  /** The saved manifest's live count and label sum, when it describes the file beside it; null otherwise. */
  savedFingerprint(): { count: number; labelSum: number } | null {
    if (this.unsavedChanges) return null;
    let manifest: IndexManifest | null;
    try {
      manifest = readSegmentManifest(this.spec);
    } catch {
      return null;
    }
    // A segment never saved (just opened, or every vector went to earlier ones) holds nothing.
    if (!manifest) return fs.existsSync(path.join(this.dir, INDEX_FILE)) ? null : { count: 0, labelSum: 0 };
    if (manifest.labelSum === undefined || !manifestDescribesFile(manifest, this.dir)) return null;
    return { count: manifest.count, labelSum: manifest.labelSum };
  }

  /** The loaded state, read now (on this thread) when nothing has read it yet. */
  private get state(): SegmentState {
    if (!this.current) {
      this.current = this.withCatalogChanges(loadSegmentStateNow(this.spec));
      this.catalog = null;
    }
    return this.current;
  }

  /** Deletions made while only the catalog was held, carried into the state just read. */
  private withCatalogChanges(state: SegmentState): SegmentState {
    const catalog = this.catalog;
    if (!catalog?.dirty) return state;
    for (const id of catalog.deleted) {
      if (!state.live.has(id)) continue;
      state.hnsw.markDelete(id);
      state.live.delete(id);
      state.deleted.add(id);
    }
    state.dirty = true;
    return state;
  }

  /** A sealed segment not in memory: its catalog, read from the labels file and manifest when first needed; null to use the state. */
  private sealedCatalog(): SegmentCatalog | null {
    if (this.current || !this.spec.sealed) return null;
    if (this.catalog) return this.catalog;
    const diskVersion = manifestVersion(this.dir);
    let manifest: IndexManifest | null;
    try {
      manifest = readSegmentManifest(this.spec);
    } catch {
      return null;
    }
    if (!manifest || !manifestDescribesFile(manifest, this.dir)) return null;
    const stored = readSegmentLabels(this.dir, manifest.count + manifest.deletedLabels.length);
    if (!stored) return null;
    this.catalog = { stored, deleted: new Set(manifest.deletedLabels), dirty: false, diskVersion };
    return this.catalog;
  }
}

function ensureCapacity(hnsw: Hnsw): void {
  const capacity = hnsw.getMaxElements();
  if (hnsw.getCurrentCount() < capacity) return;
  hnsw.resizeIndex(capacity + Math.max(1, Math.min(capacity, HNSW_DEFAULTS.maxGrowth)));
}
