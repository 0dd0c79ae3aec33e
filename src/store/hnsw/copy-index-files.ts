import fs from 'node:fs';
import path from 'node:path';
import type { HnswVectorIndex } from './hnsw-vector-index.js';
import { INDEX_FILE, MANIFEST_FILE } from './index-manifest.js';

/**
 * Saves the index, then copies its two files (`vectors.hnsw`, `manifest.json`) into `destination`; returns their paths.
 * Synchronous, so a caller copying the SQLite archive in the same turn of the event loop gets files that agree.
 * Throws when the index has never been saved (nothing to copy).
 */
export function copyIndexFiles(index: HnswVectorIndex, destination: string): { indexFile: string; manifestFile: string } {
  index.save();
  fs.mkdirSync(destination, { recursive: true });
  const indexFile = path.join(destination, INDEX_FILE);
  const manifestFile = path.join(destination, MANIFEST_FILE);
  // Saves replace the files by rename: each copy is of one whole saved file.
  fs.copyFileSync(path.join(index.dir, INDEX_FILE), indexFile);
  fs.copyFileSync(path.join(index.dir, MANIFEST_FILE), manifestFile);
  return { indexFile, manifestFile };
}
