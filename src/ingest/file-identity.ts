import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Bytes of a file's start hashed into its identity. */
const HEAD_BYTES = 64 * 1024;

/**
 * A short text that changes when the file does: its size, its modification time and a hash of its first
 * 64 KiB (a file rewritten with the same size and time but another start still differs). Reading it costs
 * one stat and 64 KiB, whatever the file's size.
 */
export async function fileIdentity(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const stats = await handle.stat();
    const head = Buffer.alloc(Math.min(HEAD_BYTES, stats.size));
    await handle.read(head, 0, head.length, 0);
    const digest = createHash('sha256').update(head).digest('hex').slice(0, 16);
    return `${stats.size}:${Math.trunc(stats.mtimeMs)}:${digest}`;
  } finally {
    await handle.close();
  }
}
