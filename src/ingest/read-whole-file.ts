import { open } from 'node:fs/promises';
import { FileTooLargeError } from './file-too-large-error.js';

/**
 * Largest file read into memory at once: pages, HTML and JSON are decoded and parsed whole, which takes several
 * times their size (a real page or a day's export is far smaller). JSON Lines has no limit: it is streamed.
 */
export const WHOLE_FILE_MAX_BYTES = 64 * 1024 * 1024;

/** Reads a file into memory, refusing one over `maxBytes` (`FileTooLargeError`) before reading any of it. */
export async function readWholeFile(file: string, maxBytes: number = WHOLE_FILE_MAX_BYTES): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new FileTooLargeError(size, maxBytes);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
