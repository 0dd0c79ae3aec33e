import fs from 'node:fs';
import path from 'node:path';
import { INDEX_FILE, readIndexManifest, writeIndexManifest } from './index-manifest.js';

/**
 * Moves `vectors.hnsw` and `manifest.json` copied from another index (see `copyIndexFiles`) from `from` into `indexDir`,
 * the manifest rewritten to describe the moved file (its size and modification time here), so the index opens it as
 * saved with it. `from` must be on the same file system (a rename). Throws `IndexManifestError` for a bad manifest.
 */
export function installIndexFiles(from: string, indexDir: string): void {
  const manifest = readIndexManifest(from);
  if (!manifest) throw new Error(`${from} holds no index manifest`);
  fs.mkdirSync(indexDir, { recursive: true });
  const indexFile = path.join(indexDir, INDEX_FILE);
  fs.renameSync(path.join(from, INDEX_FILE), indexFile);
  const moved = fs.statSync(indexFile);
  writeIndexManifest(indexDir, { ...manifest, updatedAt: new Date().toISOString(), indexFile: { bytes: moved.size, modifiedMs: moved.mtimeMs } });
}
