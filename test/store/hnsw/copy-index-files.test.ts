// Copying a segmented index's files elsewhere and installing them into another index directory (as replica seeds do):
// every segment arrives, each opens as saved with its manifest, and sealed deletions recorded in manifests hold.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyIndexFiles } from '../../../src/store/hnsw/copy-index-files.js';
import { installIndexFiles } from '../../../src/store/hnsw/install-index-files.js';
import { openHnswVectorIndex } from '../../../src/store/hnsw/hnsw-vector-index.js';
import { temporaryDirectory } from '../store-fixtures.js';
import { seededVector } from './seeded-vector.js';

const DIMENSIONS = 16;
const EMBEDDER = 'copy-test';
const BOUND = 30;

describe('copyIndexFiles and installIndexFiles', () => {
  let root: string;
  let cleanup: () => void;
  const open = (name: string) => openHnswVectorIndex({ dir: path.join(root, name), embedderId: EMBEDDER, dimensions: DIMENSIONS, segmentVectors: BOUND });

  beforeEach(() => {
    ({ dir: root, cleanup } = temporaryDirectory('newsbot-copy-index-'));
  });
  afterEach(() => cleanup());

  it('carries every segment: the installed index holds the same labels, opens as saved and keeps sealed deletions', () => {
    const source = open('source');
    const labels = Array.from({ length: 100 }, (_, position) => position + 1);
    for (const id of labels) source.add(id, seededVector(id, DIMENSIONS));
    // Deleted from a sealed segment: recorded in its manifest only.
    source.remove(3);
    source.save();
    expect(source.segmentCount()).toBe(4);

    const copies = copyIndexFiles(source, path.join(root, 'copy'));
    const names = copies.map((copy) => copy.name);
    expect(names).toEqual(expect.arrayContaining(['vectors.hnsw', 'manifest.json', 'segment-000001/vectors.hnsw', 'segment-000001/labels.u32', 'segment-000003/manifest.json']));
    expect(names.at(-1)).toBe('segments.json');
    for (const copy of copies) expect(fs.existsSync(copy.path), copy.name).toBe(true);

    installIndexFiles(path.join(root, 'copy'), path.join(root, 'installed'));
    const installed = open('installed');
    expect(installed.segmentCount()).toBe(4);
    const live = labels.filter((id) => id !== 3);
    expect(installed.ids().sort((left, right) => left - right)).toEqual(live);
    for (const id of live) expect(installed.search(seededVector(id, DIMENSIONS), 1)[0]?.id).toBe(id);
    expect(installed.search(seededVector(3, DIMENSIONS), 1)[0]?.id).not.toBe(3);
    // Every manifest describes its moved file: nothing to rewrite after reading all segments.
    expect(installed.unsavedChanges).toBe(false);
    expect(installed.rebuiltFromScratch).toBe(false);
  });

  it('a copy keeps the index as it was when copied: later saves of the source and of the installed copy change only their own files', () => {
    const source = open('source');
    for (let id = 1; id <= 10; id += 1) source.add(id, seededVector(id, DIMENSIONS));
    copyIndexFiles(source, path.join(root, 'copy'));
    const copied = fs.readFileSync(path.join(root, 'copy', 'vectors.hnsw'));
    for (let id = 11; id <= 20; id += 1) source.add(id, seededVector(id, DIMENSIONS));
    source.save();
    expect(fs.readFileSync(path.join(root, 'copy', 'vectors.hnsw')).equals(copied)).toBe(true);

    installIndexFiles(path.join(root, 'copy'), path.join(root, 'installed'));
    const installed = open('installed');
    expect(installed.count()).toBe(10);
    installed.add(21, seededVector(21, DIMENSIONS));
    installed.save();
    const reopened = open('source');
    expect(reopened.count()).toBe(20);
    expect(reopened.search(seededVector(21, DIMENSIONS), 1)[0]?.id).not.toBe(21);
  });

  it('a one-segment index installs as laid out before segments (no segment list)', () => {
    const source = open('source');
    for (let id = 1; id <= 10; id += 1) source.add(id, seededVector(id, DIMENSIONS));
    const copies = copyIndexFiles(source, path.join(root, 'copy'));
    expect(copies.map((copy) => copy.name).sort()).toEqual(['manifest.json', 'segments.json', 'vectors.hnsw']);
    installIndexFiles(path.join(root, 'copy'), path.join(root, 'installed'));
    expect(fs.readdirSync(path.join(root, 'installed')).sort()).toEqual(['manifest.json', 'vectors.hnsw']);
    const installed = open('installed');
    expect(installed.count()).toBe(10);
    expect(installed.search(seededVector(7, DIMENSIONS), 1)[0]?.id).toBe(7);
    expect(installed.unsavedChanges).toBe(false);
  });
});
