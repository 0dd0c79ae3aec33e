import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHnswVectorIndex, resetHnswVectorIndex } from '../../../src/store/hnsw/hnsw-vector-index.js';
import { EmbedderMismatchError } from '../../../src/store/hnsw/embedder-mismatch-error.js';
import { INDEX_FILE, MANIFEST_FILE, readIndexManifest } from '../../../src/store/hnsw/index-manifest.js';
import { temporaryDirectory } from '../store-fixtures.js';
import { seededVector } from './seeded-vector.js';

const DIMENSIONS = 16;
const EMBEDDER = 'test-embedder';

/** A deterministic unit vector per seed. */
function vector(seed: number, dimensions = DIMENSIONS): Float32Array {
  return seededVector(seed, dimensions);
}

describe('HnswVectorIndex', () => {
  let dir: string;
  let cleanup: () => void;
  const open = (options: { embedderId?: string; dimensions?: number; reset?: boolean; initialCapacity?: number } = {}) =>
    openHnswVectorIndex({ dir, embedderId: options.embedderId ?? EMBEDDER, dimensions: options.dimensions ?? DIMENSIONS, ...options });

  beforeEach(() => {
    ({ dir, cleanup } = temporaryDirectory('newsbot-index-'));
    dir = path.join(dir, 'index');
  });

  afterEach(() => cleanup());

  it('starts empty and answers searches on an empty index', () => {
    const index = open();
    expect(index.count()).toBe(0);
    expect(index.ids()).toEqual([]);
    expect(index.search(vector(1), 5)).toEqual([]);
    expect(index.rebuiltFromScratch).toBe(false);
    index.save();
    expect(fs.existsSync(path.join(dir, INDEX_FILE))).toBe(false);
  });

  it('adds, searches by cosine similarity, removes', () => {
    const index = open();
    for (let id = 1; id <= 50; id += 1) index.add(id, vector(id));
    expect(index.count()).toBe(50);
    const hits = index.search(vector(7), 3);
    expect(hits[0]).toMatchObject({ id: 7 });
    expect(hits[0]!.similarity).toBeCloseTo(1, 5);
    expect(hits[1]!.similarity).toBeLessThan(hits[0]!.similarity);

    index.remove(7);
    index.remove(12345);
    expect(index.count()).toBe(49);
    expect(index.ids()).not.toContain(7);
    expect(index.search(vector(7), 10).map((hit) => hit.id)).not.toContain(7);
  });

  it('maps the negated vector to similarity -1', () => {
    const index = open();
    index.add(1, vector(1));
    const opposite = vector(1).map((value) => -value);
    expect(index.search(opposite, 1)[0]!.similarity).toBeCloseTo(-1, 5);
  });

  it('handles k larger than the count', () => {
    const index = open();
    for (let id = 1; id <= 3; id += 1) index.add(id, vector(id));
    index.remove(2);
    const hits = index.search(vector(1), 100);
    expect(hits.map((hit) => hit.id).sort()).toEqual([1, 3]);
  });

  it('grows beyond its initial capacity', () => {
    const index = open({ initialCapacity: 4 });
    for (let id = 1; id <= 100; id += 1) index.add(id, vector(id));
    expect(index.count()).toBe(100);
    expect(index.capacity()).toBeGreaterThanOrEqual(100);
    expect(index.search(vector(99), 1)[0]!.id).toBe(99);
  });

  it('keeps deleted vectors out of ids and results as the index grows', () => {
    const index = open({ initialCapacity: 10 });
    for (let id = 1; id <= 10; id += 1) index.add(id, vector(id));
    for (let id = 1; id <= 5; id += 1) index.remove(id);
    for (let id = 11; id <= 15; id += 1) index.add(id, vector(id));
    expect(index.count()).toBe(10);
    expect(index.ids().sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(index.search(vector(13), 1)[0]!.id).toBe(13);
    expect(index.search(vector(3), 15).map((hit) => hit.id)).not.toContain(3);
  });

  it('replaces the vector of a label added twice and revives a removed label', () => {
    const index = open();
    index.add(1, vector(1));
    index.add(2, vector(2));
    index.add(1, vector(3));
    expect(index.count()).toBe(2);
    expect(index.search(vector(3), 1)[0]!.id).toBe(1);
    index.remove(2);
    index.add(2, vector(2));
    expect(index.count()).toBe(2);
    expect(index.search(vector(2), 1)[0]!.id).toBe(2);
  });

  it('rejects vectors of the wrong size', () => {
    const index = open();
    expect(() => index.add(1, vector(1, DIMENSIONS + 1))).toThrow(RangeError);
    expect(() => index.search(vector(1, 3), 1)).toThrow(RangeError);
  });

  it('saves and reloads, deleted labels included', () => {
    const index = open();
    for (let id = 1; id <= 20; id += 1) index.add(id, vector(id));
    index.remove(5);
    index.save();
    const manifest = readIndexManifest(dir);
    expect(manifest).toMatchObject({ embedderId: EMBEDDER, dimensions: DIMENSIONS, count: 19, format: 1, deletedLabels: [5] });

    const reloaded = open();
    expect(reloaded.rebuiltFromScratch).toBe(false);
    expect(reloaded.count()).toBe(19);
    expect(reloaded.ids()).not.toContain(5);
    expect(reloaded.search(vector(11), 1)[0]!.id).toBe(11);
    reloaded.add(21, vector(21));
    reloaded.save();
    expect(open().count()).toBe(20);
  });

  it('finds the deleted labels itself when the manifest is older than the index file', () => {
    const index = open();
    for (let id = 1; id <= 10; id += 1) index.add(id, vector(id));
    index.save();
    const staleManifest = fs.readFileSync(path.join(dir, MANIFEST_FILE));
    index.remove(3);
    index.remove(4);
    index.save();
    // A crash between renaming the index file and renaming the manifest.
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), staleManifest);
    const reloaded = open();
    expect(reloaded.count()).toBe(8);
    expect(reloaded.ids()).not.toContain(3);
    expect(reloaded.ids()).not.toContain(4);
  });

  it('ignores leftover temporary files', () => {
    const index = open();
    index.add(1, vector(1));
    index.save();
    fs.writeFileSync(path.join(dir, `${INDEX_FILE}.tmp`), 'half-written garbage');
    fs.writeFileSync(path.join(dir, `${MANIFEST_FILE}.tmp`), '{"broken');
    const reloaded = open();
    expect(reloaded.rebuiltFromScratch).toBe(false);
    expect(reloaded.ids()).toEqual([1]);
    expect(fs.existsSync(path.join(dir, `${INDEX_FILE}.tmp`))).toBe(false);
  });

  it.each([
    ['truncated to half', (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
    ['truncated to a few bytes', (bytes: Buffer) => bytes.subarray(0, 10)],
    ['empty', () => Buffer.alloc(0)],
    ['one byte short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1)],
  ])('starts empty, flagged rebuiltFromScratch, when the index file is %s', (_label, damage) => {
    const index = open();
    for (let id = 1; id <= 30; id += 1) index.add(id, vector(id));
    index.save();
    const file = path.join(dir, INDEX_FILE);
    fs.writeFileSync(file, damage(fs.readFileSync(file)));
    const reloaded = open();
    expect(reloaded.rebuiltFromScratch).toBe(true);
    expect(reloaded.rebuildReason).toMatch(/vectors\.hnsw/);
    expect(reloaded.count()).toBe(0);
    reloaded.add(1, vector(1));
    reloaded.save();
    expect(open().rebuiltFromScratch).toBe(false);
  });

  it('starts empty when the index file is gone or the manifest unreadable', () => {
    const index = open();
    index.add(1, vector(1));
    index.save();
    fs.rmSync(path.join(dir, INDEX_FILE));
    expect(open().rebuiltFromScratch).toBe(true);

    const again = open({ reset: true });
    again.add(1, vector(1));
    again.save();
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), 'not json');
    const reloaded = open();
    expect(reloaded.rebuiltFromScratch).toBe(true);
    expect(reloaded.count()).toBe(0);
  });

  it('refuses an index built by another embedder, with the reindex hint', () => {
    const index = open();
    index.add(1, vector(1));
    index.save();
    let error: unknown;
    try {
      open({ embedderId: 'Xenova/bge-small-zh-v1.5:cls', dimensions: 512 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EmbedderMismatchError);
    const mismatch = error as EmbedderMismatchError;
    expect(mismatch.actual).toEqual({ embedderId: EMBEDDER, dimensions: DIMENSIONS });
    expect(mismatch.expected).toEqual({ embedderId: 'Xenova/bge-small-zh-v1.5:cls', dimensions: 512 });
    expect(mismatch.message).toBe(
      `the vector index in ${dir} was built with ${EMBEDDER} (${DIMENSIONS} dims) but EMBEDDING_MODEL is Xenova/bge-small-zh-v1.5:cls (512 dims); run "newsbot reindex" to rebuild it`,
    );
    expect(() => open({ dimensions: DIMENSIONS * 2 })).toThrow(EmbedderMismatchError);
  });

  it('starts over on reset, for reindex', () => {
    const index = open();
    index.add(1, vector(1));
    index.save();
    const fresh = open({ embedderId: 'other', dimensions: 8, reset: true });
    expect(fresh.count()).toBe(0);
    fresh.add(2, vector(2, 8));
    fresh.save();
    expect(readIndexManifest(dir)).toMatchObject({ embedderId: 'other', dimensions: 8, count: 1 });
    resetHnswVectorIndex(dir);
    expect(readIndexManifest(dir)).toBeNull();
    expect(fs.existsSync(path.join(dir, INDEX_FILE))).toBe(false);
  });

  it('writes nothing when nothing changed', () => {
    const index = open();
    index.add(1, vector(1));
    index.save();
    const before = fs.statSync(path.join(dir, MANIFEST_FILE)).mtimeMs;
    const reloaded = open();
    reloaded.save();
    reloaded.remove(999);
    reloaded.save();
    expect(fs.statSync(path.join(dir, MANIFEST_FILE)).mtimeMs).toBe(before);
  });
  it('follows saves made by another instance (process) while it has no unsaved changes of its own', () => {
    const writer = open();
    writer.add(1, vector(1));
    writer.save();
    const reader = open();
    expect(reader.ids()).toEqual([1]);

    writer.add(2, vector(2));
    writer.remove(1);
    writer.save();
    expect(reader.changedOnDisk()).toBe(true);
    expect(reader.search(vector(2), 1)[0]?.id).toBe(2);
    expect(reader.ids()).toEqual([2]);
    expect(reader.changedOnDisk()).toBe(false);

    // With changes of its own it keeps them until told to reload.
    reader.add(3, vector(3));
    writer.add(4, vector(4));
    writer.save();
    expect(new Set(reader.ids())).toEqual(new Set([2, 3]));
    reader.reload();
    expect(new Set(reader.ids())).toEqual(new Set([2, 4]));
    expect(reader.unsavedChanges).toBe(false);
  });
});
