import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IngestError } from './article.js';
import { errorCode } from './error-code.js';
import { SOURCE_EXTENSIONS } from './source-extensions.js';

/** Files found by `listSourceFiles`, and the paths that could not be listed. */
export interface ListSourceFilesResult {
  files: string[];
  errors: IngestError[];
}

/**
 * Expands files and folders into the source files to ingest: folders are walked recursively,
 * keeping only supported extensions and skipping hidden entries and node_modules. Files named
 * explicitly are kept whatever their extension, so the parser can say why it can't read them.
 * Paths keep the form the caller gave (relative stays relative), sorted, without duplicates.
 */
export async function listSourceFiles(paths: string[]): Promise<ListSourceFilesResult> {
  const files = new Set<string>();
  const errors: IngestError[] = [];
  const visitedDirectories = new Set<string>();

  async function walk(directory: string): Promise<void> {
    // Symlinked folders can point back up the tree; real paths break the loop.
    const real = await realpath(directory);
    if (visitedDirectories.has(real)) return;
    visitedDirectories.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      errors.push({ source: directory, message: `cannot read directory: ${errorCode(error)}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const entryPath = path.join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(entryPath).catch(() => null);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDirectory) await walk(entryPath);
      else if (isFile && isSupported(entry.name)) files.add(entryPath);
    }
  }

  for (const given of paths) {
    let info: Stats;
    try {
      info = await stat(given);
    } catch (error) {
      const code = errorCode(error);
      errors.push({ source: given, message: code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code}` });
      continue;
    }
    if (info.isDirectory()) await walk(given);
    else files.add(given);
  }

  return { files: [...files].sort(compareCodePoints), errors };
}

function isSupported(fileName: string): boolean {
  return Object.hasOwn(SOURCE_EXTENSIONS, path.extname(fileName).toLowerCase());
}

// Plain code-point order: the same on every machine, unlike localeCompare.
function compareCodePoints(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
