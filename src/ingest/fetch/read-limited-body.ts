import type { Readable } from 'node:stream';
import { FetchError } from './fetch-error.js';

/** Reads a stream into one Buffer, destroying it (and failing) as soon as it passes `maxBytes`. */
export async function readLimitedBody(stream: Readable, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += bytes.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new FetchError('too-large', url, `response is larger than the ${maxBytes}-byte cap; raise FETCH_MAX_BYTES to accept it`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}
