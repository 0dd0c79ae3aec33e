import fs from 'node:fs';

/** Suffix of the temporary files written before a rename; leftovers are ignored and removed. */
export const TEMPORARY_SUFFIX = '.tmp';

/**
 * Replaces `file` with `content` so a crash leaves either the old or the new file, never half:
 * write `<file>.tmp`, flush it to disk, rename over the original.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const temporary = file + TEMPORARY_SUFFIX;
  fs.writeFileSync(temporary, content);
  commitTemporaryFile(temporary, file);
}

/** Flushes an already written temporary file and renames it over `file`. */
export function commitTemporaryFile(temporary: string, file: string): void {
  const descriptor = fs.openSync(temporary, 'r+');
  try {
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  fs.renameSync(temporary, file);
}
