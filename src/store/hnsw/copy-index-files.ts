import fs from 'node:fs';
import path from 'node:path';
import type { HnswVectorIndex } from './hnsw-vector-index.js';
import { INDEX_FILE, MANIFEST_FILE, readIndexManifest, writeIndexManifest } from './index-manifest.js';
import { LABELS_FILE } from './segment-labels.js';
import { ROOT_SEGMENT, SEGMENT_LIST_FILE, readSegmentList, writeSegmentList } from './segment-list.js';
import { manifestDescribesFile } from './segment-state.js';

/** One copied file: its path relative to the index directory ("/" between folders) and where the copy is. */
export interface CopiedIndexFile {
  name: string;
  path: string;
}

/**
 * Saves the index, then copies every segment's files (`vectors.hnsw`, `manifest.json`, and `labels.u32` of a sealed
 * one) into `destination`, laid out as in the index directory, with `segments.json` (written even for one segment, so
 * a copy says it is whole). Returns the copies, the segment list last. A file is copied as a hard link where
 * `destination` is on the same file system (at once, whatever its size: saves replace a file by rename, so the link
 * keeps the version copied), otherwise byte by byte. The caller keeps the index from changing meanwhile. A copied
 * manifest keeps saying it describes its `vectors.hnsw` only when the original did (see `installIndexFiles`). Throws
 * when the index has never been saved.
 */
export function copyIndexFiles(index: HnswVectorIndex, destination: string): CopiedIndexFile[] {
  index.save();
  const segments = readSegmentList(index.dir);
  const copies: CopiedIndexFile[] = [];
  for (const segment of segments) {
    const from = path.join(index.dir, segment);
    const to = path.join(destination, segment);
    fs.mkdirSync(to, { recursive: true });
    const manifest = readIndexManifest(from);
    // The first segment always has its files (an error otherwise, as before segments); a later one only once saved.
    if (!manifest) {
      if (segment === ROOT_SEGMENT) throw new Error(`${from} holds no index manifest: the index was never saved`);
      continue;
    }
    // Saves replace the files by rename: each copy is of one whole saved file.
    for (const name of [INDEX_FILE, LABELS_FILE]) {
      if (name === LABELS_FILE && !fs.existsSync(path.join(from, name))) continue;
      linkOrCopy(path.join(from, name), path.join(to, name));
      copies.push({ name: relativeName(segment, name), path: path.join(to, name) });
    }
    writeIndexManifest(to, manifestDescribesFile(manifest, from) ? manifest : { ...manifest, indexFile: null });
    copies.push({ name: relativeName(segment, MANIFEST_FILE), path: path.join(to, MANIFEST_FILE) });
  }
  writeSegmentList(destination, segments);
  copies.push({ name: SEGMENT_LIST_FILE, path: path.join(destination, SEGMENT_LIST_FILE) });
  return copies;
}

function relativeName(segment: string, file: string): string {
  return segment === ROOT_SEGMENT ? file : `${segment}/${file}`;
}

/** A hard link to `from` at `to`, or a copy where a link cannot be made (another file system, or none allowed). */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error;
    fs.copyFileSync(from, to);
  }
}
