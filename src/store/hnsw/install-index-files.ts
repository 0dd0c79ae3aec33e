import fs from 'node:fs';
import path from 'node:path';
import { INDEX_FILE, readIndexManifest, writeIndexManifest } from './index-manifest.js';
import { LABELS_FILE } from './segment-labels.js';
import { readSegmentList, writeSegmentList } from './segment-list.js';

/**
 * Moves the files of an index copied from another (see `copyIndexFiles`: every segment listed in `segments.json`) from
 * `from` into `indexDir`, each segment's manifest rewritten to describe its moved `vectors.hnsw` (size and
 * modification time here) when the copied one described the original (`indexFile` set, same size), so the index
 * opens each file as saved with its manifest; the segment list is written last. `from` must be on the same file system
 * (renames). Throws `IndexManifestError` or `SegmentListError` for bad files, and when the first segment has no manifest.
 */
export function installIndexFiles(from: string, indexDir: string): void {
  const segments = readSegmentList(from);
  if (!readIndexManifest(from)) throw new Error(`${from} holds no index manifest`);
  for (const segment of segments) {
    const source = path.join(from, segment);
    const target = path.join(indexDir, segment);
    fs.mkdirSync(target, { recursive: true });
    const manifest = readIndexManifest(source);
    if (!manifest) continue;
    for (const name of [INDEX_FILE, LABELS_FILE]) if (fs.existsSync(path.join(source, name))) fs.renameSync(path.join(source, name), path.join(target, name));
    const indexFile = path.join(target, INDEX_FILE);
    const moved = fs.existsSync(indexFile) ? fs.statSync(indexFile) : null;
    const describes = moved !== null && manifest.indexFile !== null && manifest.indexFile.bytes === moved.size;
    writeIndexManifest(target, {
      ...manifest,
      updatedAt: new Date().toISOString(),
      indexFile: describes ? { bytes: moved.size, modifiedMs: moved.mtimeMs } : null,
    });
  }
  // One segment is laid out as before segments, with no list.
  if (segments.length > 1) writeSegmentList(indexDir, segments);
}
