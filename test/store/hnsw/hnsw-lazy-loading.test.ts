// The index file is read when first needed or in the background, and the manifest alone says whether the saved
// files hold the database's chunks (so opening a large archive reads nothing it does not need).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHnswVectorIndex } from '../../../src/store/hnsw/hnsw-vector-index.js';
import { MANIFEST_FILE } from '../../../src/store/hnsw/index-manifest.js';
import { temporaryDirectory } from '../store-fixtures.js';

const DIMENSIONS = 8;
const open = (dir: string) => openHnswVectorIndex({ dir, embedderId: 'lazy-test', dimensions: DIMENSIONS });
const unit = (seed: number): Float32Array => {
  const values = Float32Array.from({ length: DIMENSIONS }, (_, index) => Math.sin(seed * 7.1 + index * 1.3));
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
};

describe('HnswVectorIndex loading', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = temporaryDirectory('newsbot-lazy-index-'));
    dir = path.join(dir, 'index');
    const index = open(dir);
    for (const id of [3, 5, 8, 13]) index.add(id, unit(id));
    index.remove(5);
    index.save();
  });
  afterEach(() => cleanup());

  it('reads nothing on open, and judges the saved files by the manifest: live count and sum of labels', () => {
    const index = open(dir);
    expect(index.isLoaded()).toBe(false);
    expect(index.savedFilesMatch({ count: 3, labelSum: 3 + 8 + 13 })).toBe(true);
    expect(index.savedFilesMatch({ count: 3, labelSum: 3 + 8 + 14 })).toBe(false);
    expect(index.savedFilesMatch({ count: 4, labelSum: 3 + 5 + 8 + 13 })).toBe(false);
    expect(index.isLoaded()).toBe(false);
  });

  it('does not trust a manifest of an older version (no label sum) or one saved with another file', () => {
    const manifestFile = path.join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, labelSum: undefined }));
    expect(open(dir).savedFilesMatch({ count: 3, labelSum: 24 })).toBe(false);
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, indexFile: { bytes: 1, modifiedMs: 1 } }));
    expect(open(dir).savedFilesMatch({ count: 3, labelSum: 24 })).toBe(false);
  });

  it('reads the file in the background, then answers from it; meanwhile it says it is loading', async () => {
    const index = open(dir);
    const loading = index.loadInBackground();
    expect(index.loadingInBackground()).toBe(true);
    await loading;
    expect(index.loadingInBackground()).toBe(false);
    expect(index.isLoaded()).toBe(true);
    expect(index.ids().sort((left, right) => left - right)).toEqual([3, 8, 13]);
    expect(index.search(unit(8), 1)[0]?.id).toBe(8);
  });

  it('reads the file on first use when nothing loaded it', () => {
    const index = open(dir);
    expect(index.search(unit(13), 1)[0]?.id).toBe(13);
    expect(index.isLoaded()).toBe(true);
    expect(index.count()).toBe(3);
  });
});
