import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { EmbedKind, EmbedOptions, Embedder } from '../embedding/embedder.js';
import { EmbedderDecorator } from '../embedding/embedder-decorator.js';
import type { StageTimer } from './stage-timer.js';

/** Stage names the wrappers below report under. */
export const INGEST_STAGES = { embed: 'embed', database: 'database', vectorIndex: 'vectorIndex' } as const;

/** The embedder, timing `embed` under the `embed` stage. */
export function timedEmbedder(embedder: Embedder, timer: StageTimer): Embedder {
  // Calls side by side (maxConcurrency above 1) would each count their whole time, so the stage would add up to more than the wall clock.
  return new (class extends EmbedderDecorator {
    override embed(texts: string[], kind: EmbedKind, options?: EmbedOptions): Promise<Float32Array[]> {
      return timer.timeAsync(INGEST_STAGES.embed, () => this.inner.embed(texts, kind, options));
    }
  })(embedder);
}

/** The store, timing every method under the `database` stage (hash look-ups and writes alike). */
export function timedStore(store: ArticleStore, timer: StageTimer): ArticleStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => timer.time(INGEST_STAGES.database, () => (value as (...inner: unknown[]) => unknown).apply(target, args));
    },
  });
}

/** The vector index, timing `add`, `remove` and `save` under the `vectorIndex` stage. */
export function timedVectorIndex(index: VectorIndex, timer: StageTimer): VectorIndex {
  return new Proxy(index, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => timer.time(INGEST_STAGES.vectorIndex, () => (value as (...inner: unknown[]) => unknown).apply(target, args));
    },
  });
}
