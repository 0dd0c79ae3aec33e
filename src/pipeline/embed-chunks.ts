import type { Chunk } from '../chunking/chunk.js';
import type { Embedder } from '../embedding/embedder.js';
import { mapConcurrently } from './map-concurrently.js';

/** The text the embedder sees for a chunk: heading first, so every chunk carries its article's subject. */
export function chunkEmbeddingText(chunk: Pick<Chunk, 'heading' | 'text'>, maxChars: number): string {
  const text = `${chunk.heading}\n${chunk.text}`;
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

/** Options for `embedChunks`. */
export interface EmbedChunksOptions {
  /** Stops before the next batch (and inside the embedder, which checks it too), rejecting with its reason. */
  signal?: AbortSignal;
}

/**
 * Embeds passages in batches of the embedder's `maxBatchSize`, up to its `maxConcurrency` batches at
 * once, and returns one vector per chunk in the chunks' order.
 */
export async function embedChunks(embedder: Embedder, chunks: readonly Pick<Chunk, 'heading' | 'text'>[], options: EmbedChunksOptions = {}): Promise<Float32Array[]> {
  const { signal } = options;
  const batches: string[][] = [];
  for (let start = 0; start < chunks.length; start += embedder.maxBatchSize) {
    batches.push(chunks.slice(start, start + embedder.maxBatchSize).map((chunk) => chunkEmbeddingText(chunk, embedder.maxInputChars)));
  }
  const vectors = await mapConcurrently(batches, (batch) => embedder.embed(batch, 'passage', { signal }), {
    concurrency: embedder.maxConcurrency,
    signal,
  });
  return vectors.flat();
}
