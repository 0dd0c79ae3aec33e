import type { EmbedKind, EmbedOptions, Embedder } from '../../embedding/embedder.js';

/** Time spent in `embed` since the last `take()`. */
export interface EmbedTime {
  ms: number;
  calls: number;
}

/** An `Embedder` that adds up the wall time of its calls, so a question's embedding share can be read after it. */
export class TimedEmbedder implements Embedder {
  private elapsed = 0;
  private calls = 0;

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

  async embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]> {
    const started = performance.now();
    try {
      return await this.inner.embed(texts, kind, options);
    } finally {
      this.elapsed += performance.now() - started;
      this.calls += 1;
    }
  }

  /** The time and calls since the previous `take()`, and starts counting again. */
  take(): EmbedTime {
    const taken = { ms: this.elapsed, calls: this.calls };
    this.elapsed = 0;
    this.calls = 0;
    return taken;
  }
}
