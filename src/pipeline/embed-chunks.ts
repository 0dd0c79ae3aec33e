import type { Embedder } from '../embedding/embedder.js';
import type { Chunk } from '../chunking/chunk.js';

/** The text the embedder sees for a chunk: heading first, so every chunk carries its article's subject. */
export function chunkEmbeddingText(chunk: Pick<Chunk, 'heading' | 'text'>, maxChars: number): string {
  const text = `${chunk.heading}\n${chunk.text}`;
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

/** Embeds passages in batches of the embedder's size. */
export async function embedChunks(embedder: Embedder, chunks: readonly Pick<Chunk, 'heading' | 'text'>[]): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < chunks.length; start += embedder.maxBatchSize) {
    const batch = chunks.slice(start, start + embedder.maxBatchSize).map((chunk) => chunkEmbeddingText(chunk, embedder.maxInputChars));
    vectors.push(...(await embedder.embed(batch, 'passage')));
  }
  return vectors;
}
