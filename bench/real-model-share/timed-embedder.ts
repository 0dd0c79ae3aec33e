import type { EmbedKind, EmbedOptions } from '../../src/embedding/embedder.js';
import { EmbedderDecorator } from '../../src/embedding/embedder-decorator.js';

/** Time spent in `embed` since the last `take()`. */
export interface EmbedTime {
  ms: number;
  calls: number;
}

/** An `Embedder` that adds up the wall time of its calls, so a question's embedding share can be read after it. */
export class TimedEmbedder extends EmbedderDecorator {
  private elapsed = 0;
  private calls = 0;

  override async embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]> {
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
