import type { SourcePassage } from '../../src/bench/bench-text.js';
import type { EmbedKind, Embedder } from '../../src/embedding/embedder.js';

/** Embeds any number of texts in the embedder's largest batches. */
export async function embedInBatches(embedder: Embedder, texts: readonly string[], kind: EmbedKind): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += embedder.maxBatchSize) vectors.push(...(await embedder.embed(texts.slice(start, start + embedder.maxBatchSize), kind)));
  return vectors;
}

/** `count` passage texts of three consecutive sentences each, taken round the real passages in turn. */
export function passageTexts(passages: readonly SourcePassage[], count: number): string[] {
  const texts: string[] = [];
  for (let position = 0; texts.length < count; position += 1) {
    const passage = passages[position % passages.length]!;
    const round = Math.floor(position / passages.length);
    const start = passage.sentences.length === 0 ? 0 : (round * 2) % passage.sentences.length;
    texts.push(`${passage.title}。${passage.sentences.slice(start, start + 3).join('')}${round > 0 ? `（${round}）` : ''}`);
  }
  return texts;
}

/** Labels (1-based positions) of the `k` vectors nearest to `query` by exact cosine similarity (unit vectors). */
export function exactNearest(vectors: readonly Float32Array[], query: Float32Array, k: number): number[] {
  const scored = vectors.map((vector, position) => {
    let dot = 0;
    for (let index = 0; index < vector.length; index += 1) dot += vector[index]! * query[index]!;
    return { id: position + 1, dot };
  });
  return scored
    .sort((left, right) => right.dot - left.dot)
    .slice(0, k)
    .map((hit) => hit.id);
}

/** Share of the first `k` of `expected` found among the first `k` of `actual`. */
export function overlap(actual: readonly number[], expected: readonly number[], k: number): number {
  const wanted = new Set(expected.slice(0, k));
  if (wanted.size === 0) return 1;
  return actual.slice(0, k).filter((id) => wanted.has(id)).length / wanted.size;
}

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
