import type { Chunk } from '../chunking/chunk.js';
import type { Embedder } from '../embedding/embedder.js';
import { lengthBuckets } from './length-buckets.js';
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
 * once, and returns one vector per chunk in the chunks' order. Batches are cut from the texts sorted
 * by length (`lengthBuckets`): a model pads every text of a batch to the batch's longest, so a batch of
 * like lengths wastes no compute on padding.
 */
export async function embedChunks(embedder: Embedder, chunks: readonly Pick<Chunk, 'heading' | 'text'>[], options: EmbedChunksOptions = {}): Promise<Float32Array[]> {
  const { signal } = options;
  const texts = chunks.map((chunk) => chunkEmbeddingText(chunk, embedder.maxInputChars));
  const buckets = lengthBuckets(texts, embedder.maxBatchSize);
  const vectors = await mapConcurrently(
    buckets,
    (positions) =>
      embedder.embed(
        positions.map((position) => texts[position]!),
        'passage',
        { signal },
      ),
    { concurrency: embedder.maxConcurrency, signal },
  );
  const inOrder = new Array<Float32Array>(texts.length);
  buckets.forEach((positions, bucket) => {
    positions.forEach((position, row) => {
      inOrder[position] = vectors[bucket]![row]!;
    });
  });
  return inOrder;
}
