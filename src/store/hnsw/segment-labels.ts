import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './write-file-atomic.js';

/** Every label a sealed segment's `vectors.hnsw` stores (live or deleted), sorted, as 32-bit little-endian integers. */
export const LABELS_FILE = 'labels.u32';

/**
 * Writes the labels of a segment being sealed: with them (and the manifest's deleted labels) a process that only
 * ingests knows which segment holds a label without reading the segment's vectors.
 */
export function writeSegmentLabels(dir: string, labels: Iterable<number>): void {
  const sorted = Uint32Array.from(labels).sort();
  const bytes = Buffer.alloc(sorted.length * 4);
  sorted.forEach((label, position) => {
    bytes.writeUInt32LE(label, position * 4);
  });
  writeFileAtomic(path.join(dir, LABELS_FILE), bytes);
}

/** The sorted labels of a sealed segment; null when the file is missing or not whole (the caller reads the vectors instead). */
export function readSegmentLabels(dir: string, expectedCount: number): Uint32Array | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(dir, LABELS_FILE));
  } catch {
    return null;
  }
  if (bytes.length !== expectedCount * 4) return null;
  const labels = new Uint32Array(expectedCount);
  for (let position = 0; position < expectedCount; position += 1) labels[position] = bytes.readUInt32LE(position * 4);
  return labels;
}

/** Whether a sorted label list holds `label` (binary search). */
export function sortedLabelsInclude(labels: Uint32Array, label: number): boolean {
  let low = 0;
  let high = labels.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = labels[middle]!;
    if (value === label) return true;
    if (value < label) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
