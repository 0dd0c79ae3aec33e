// The segmented index: several small segments answer as one, deletions reach sealed segments without reading
// them, an index saved before segments opens as one, and a process that only adds never reads sealed vectors.
import fs from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHnswVectorIndex } from '../../../src/store/hnsw/hnsw-vector-index.js';
import { SEGMENT_LIST_FILE } from '../../../src/store/hnsw/segment-list.js';
import { temporaryDirectory } from '../store-fixtures.js';
import { seededVector } from './seeded-vector.js';

const DIMENSIONS = 16;
const EMBEDDER = 'segment-test';
const BOUND = 50;

const vector = (seed: number): Float32Array => seededVector(seed, DIMENSIONS);

/** The k nearest labels by exact cosine similarity. */
function bruteForce(labels: number[], query: Float32Array, k: number): number[] {
  const similarity = (id: number) => vector(id).reduce((sum, value, position) => sum + value * query[position]!, 0);
  return labels
    .map((id) => ({ id, similarity: similarity(id) }))
    .sort((left, right) => right.similarity - left.similarity)
    .slice(0, k)
    .map((hit) => hit.id);
}

describe('HnswVectorIndex segments', () => {
  let root: string;
  let cleanup: () => void;
  const open = (name: string, segmentVectors?: number) => openHnswVectorIndex({ dir: path.join(root, name), embedderId: EMBEDDER, dimensions: DIMENSIONS, segmentVectors });
  const labels = Array.from({ length: 420 }, (_, position) => position + 1);

  beforeEach(() => {
    ({ dir: root, cleanup } = temporaryDirectory('newsbot-segments-'));
  });
  afterEach(() => cleanup());

  it('spreads the vectors over segments of the bound and answers as one segment does', () => {
    const segmented = open('segmented', BOUND);
    const single = open('single');
    for (const id of labels) {
      segmented.add(id, vector(id));
      single.add(id, vector(id));
    }
    segmented.save();
    single.save();
    expect(segmented.segmentCount()).toBe(Math.ceil(labels.length / BOUND));
    expect(single.segmentCount()).toBe(1);
    const listed = JSON.parse(fs.readFileSync(path.join(root, 'segmented', SEGMENT_LIST_FILE), 'utf8')) as { segments: string[] };
    expect(listed.segments).toHaveLength(Math.ceil(labels.length / BOUND));

    const reopened = open('segmented', BOUND);
    expect(reopened.count()).toBe(labels.length);
    expect(new Set(reopened.ids())).toEqual(new Set(labels));
    for (let seed = 10_001; seed <= 10_030; seed += 1) {
      const query = vector(seed);
      const expected = bruteForce(labels, query, 10);
      expect(single.search(query, 10).map((hit) => hit.id)).toEqual(expected);
      const hits = reopened.search(query, 10);
      expect(hits.map((hit) => hit.id)).toEqual(expected);
      expect(hits.map((hit) => hit.similarity)).toEqual(single.search(query, 10).map((hit) => hit.similarity));
    }
  });

  it('keeps only the open segment in memory while adding, and reads sealed ones for a search', () => {
    const writer = open('index', BOUND);
    for (const id of labels) writer.add(id, vector(id));
    expect(writer.loadedSegmentCount()).toBe(1);
    writer.save();

    const ingest = open('index', BOUND);
    for (let id = 1000; id < 1000 + BOUND * 2; id += 1) ingest.add(id, vector(id));
    ingest.remove(3);
    expect(ingest.count()).toBe(labels.length - 1 + BOUND * 2);
    expect(ingest.loadedSegmentCount()).toBe(1);
    ingest.save();

    const reader = open('index', BOUND);
    expect(reader.search(vector(1010), 1)[0]?.id).toBe(1010);
    expect(reader.loadedSegmentCount()).toBe(reader.segmentCount());
  });

  it('removes and replaces labels held by sealed segments, and the change survives a reopen', () => {
    const writer = open('index', BOUND);
    for (const id of labels) writer.add(id, vector(id));
    writer.save();

    const ingest = open('index', BOUND);
    ingest.remove(7);
    ingest.add(60, vector(9999));
    expect(ingest.loadedSegmentCount()).toBe(1);
    expect(ingest.count()).toBe(labels.length - 1);
    ingest.save();

    const reader = open('index', BOUND);
    expect(reader.count()).toBe(labels.length - 1);
    expect(reader.ids()).not.toContain(7);
    expect(reader.ids().filter((id) => id === 60)).toHaveLength(1);
    expect(reader.search(vector(7), 20).map((hit) => hit.id)).not.toContain(7);
    expect(reader.search(vector(9999), 1)[0]).toMatchObject({ id: 60 });
    expect(reader.search(vector(9999), 1)[0]!.similarity).toBeCloseTo(1, 5);
    expect(reader.search(vector(60), labels.length).filter((hit) => hit.id === 60)).toHaveLength(1);
    expect(reader.savedFilesMatch({ count: labels.length - 1, labelSum: labels.reduce((sum, id) => sum + id, 0) - 7 })).toBe(true);
  });

  it('opens an index saved as one file before segments, then seals it when it grows past the bound', () => {
    const dir = path.join(root, 'legacy');
    fs.mkdirSync(dir);
    // What an index looked like before segments: vectors.hnsw and its manifest, nothing else.
    const hnsw = new hnswlib.HierarchicalNSW('cosine', DIMENSIONS);
    hnsw.initIndex(1024, 16, 200, 100);
    for (let id = 1; id <= 80; id += 1) hnsw.addPoint(Array.from(vector(id)), id);
    hnsw.markDelete(5);
    hnsw.writeIndexSync(path.join(dir, 'vectors.hnsw'));
    const file = fs.statSync(path.join(dir, 'vectors.hnsw'));
    const live = Array.from({ length: 80 }, (_, position) => position + 1).filter((id) => id !== 5);
    const manifest = {
      embedderId: EMBEDDER,
      dimensions: DIMENSIONS,
      count: live.length,
      labelSum: live.reduce((sum, id) => sum + id, 0),
      updatedAt: '2026-12-01T00:00:00.000Z',
      format: 1,
      deletedLabels: [5],
      indexFile: { bytes: file.size, modifiedMs: file.mtimeMs },
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));

    const legacy = open('legacy', BOUND);
    expect(legacy.segmentCount()).toBe(1);
    expect(legacy.savedFilesMatch({ count: manifest.count, labelSum: manifest.labelSum })).toBe(true);
    expect(legacy.search(vector(42), 1)[0]?.id).toBe(42);
    expect(legacy.ids()).not.toContain(5);

    const grown = open('legacy', BOUND);
    for (let id = 81; id <= 100; id += 1) grown.add(id, vector(id));
    grown.save();
    expect(grown.segmentCount()).toBe(2);
    const reopened = open('legacy', BOUND);
    expect(reopened.count()).toBe(live.length + 20);
    expect(reopened.search(vector(42), 1)[0]?.id).toBe(42);
    expect(reopened.search(vector(90), 1)[0]?.id).toBe(90);
    expect(reopened.search(vector(5), 100).map((hit) => hit.id)).not.toContain(5);
  });

  it('refuses a segment list it cannot read, naming the fix', () => {
    const writer = open('index', BOUND);
    for (const id of labels) writer.add(id, vector(id));
    writer.save();
    fs.writeFileSync(path.join(root, 'index', SEGMENT_LIST_FILE), '{"format":1,"segments":["../elsewhere"]}');
    expect(() => open('index', BOUND)).toThrow(/segments\.json is unreadable.*newsbot reindex/);
  });
});
