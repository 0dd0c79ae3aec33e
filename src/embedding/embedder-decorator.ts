import type { EmbedKind, EmbedOptions, Embedder } from './embedder.js';

/**
 * An `Embedder` that is `inner` in every respect (id, dimensions, limits, `semantic`) and passes `embed` on;
 * a subclass overrides `embed` to add something around it (a cache, a clock, a record of the texts).
 */
export class EmbedderDecorator implements Embedder {
  constructor(readonly inner: Embedder) {}

  get id(): string {
    return this.inner.id;
  }
  get dimensions(): number {
    return this.inner.dimensions;
  }
  get maxBatchSize(): number {
    return this.inner.maxBatchSize;
  }
  get maxConcurrency(): number {
    return this.inner.maxConcurrency;
  }
  get semantic(): boolean {
    return this.inner.semantic;
  }
  get maxInputChars(): number {
    return this.inner.maxInputChars;
  }

  embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]> {
    return this.inner.embed(texts, kind, options);
  }

  async close(): Promise<void> {
    await this.inner.close?.();
  }
}
