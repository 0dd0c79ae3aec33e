import { describe, expect, it } from 'vitest';
import type { EmbedKind, EmbedOptions, Embedder } from '../../src/embedding/embedder.js';
import { HashEmbedder } from '../../src/embedding/hash-embedder.js';
import { chunkEmbeddingText, embedChunks } from '../../src/pipeline/embed-chunks.js';

/** The hash embedder with a small batch, a given concurrency and slow calls that finish out of order. */
class SlowEmbedder implements Embedder {
  readonly inner = new HashEmbedder({ dimensions: 16 });
  readonly id = this.inner.id;
  readonly dimensions = this.inner.dimensions;
  readonly maxBatchSize = 2;
  readonly semantic = false;
  readonly maxInputChars = this.inner.maxInputChars;
  readonly signals: (AbortSignal | undefined)[] = [];
  inFlight = 0;
  peak = 0;
  constructor(readonly maxConcurrency: number) {}
  async embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]> {
    this.signals.push(options?.signal);
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    // Later batches finish first, so order is kept by position, not by completion.
    await new Promise((resolve) => setTimeout(resolve, 20 - this.signals.length * 3));
    this.inFlight -= 1;
    return this.inner.embed(texts, kind, options);
  }
}

const chunks = ['株洲', '湘江风光带', '中车株洲所', '轨道交通', '夜游项目'].map((text, position) => ({ heading: `标题 ${position}`, text }));

describe('embedChunks', () => {
  it('embeds batches side by side up to the embedder’s maxConcurrency, one vector per chunk in order', async () => {
    const embedder = new SlowEmbedder(2);
    const vectors = await embedChunks(embedder, chunks);
    const expected = chunks.map((chunk) => embedder.inner.embedOne(chunkEmbeddingText(chunk, embedder.maxInputChars)));
    expect(vectors).toEqual(expected);
    expect(embedder.signals).toHaveLength(3);
    expect(embedder.peak).toBe(2);
  });

  it('passes the signal down and stops once it is aborted', async () => {
    const embedder = new SlowEmbedder(1);
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const embedding = embedChunks(embedder, chunks, { signal: controller.signal });
    controller.abort(reason);
    await expect(embedding).rejects.toBe(reason);
    expect(embedder.signals).toEqual([controller.signal]);
  });

  it('batches chunks of like length together and still returns them in order', async () => {
    const embedder = new SlowEmbedder(1);
    const batches: string[][] = [];
    const recording: Embedder = Object.assign(Object.create(embedder) as SlowEmbedder, {
      embed: (texts: string[], kind: EmbedKind, options?: EmbedOptions) => {
        batches.push(texts);
        return embedder.embed(texts, kind, options);
      },
    });
    const mixed = ['长长长长长长长长', '短', '长长长长长长长', '短短'].map((text) => ({ heading: '标', text }));
    const vectors = await embedChunks(recording, mixed);
    expect(batches.map((batch) => batch.map((text) => text.length))).toEqual([
      [3, 4],
      [9, 10],
    ]);
    expect(vectors).toEqual(mixed.map((chunk) => embedder.inner.embedOne(chunkEmbeddingText(chunk, embedder.maxInputChars))));
  });
});
