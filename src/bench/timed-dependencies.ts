import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { Embedder } from '../embedding/embedder.js';
import type { StageTimer } from './stage-timer.js';

/** Stage names the wrappers below report under. */
export const INGEST_STAGES = { embed: 'embed', database: 'database', vectorIndex: 'vectorIndex' } as const;

/** The embedder, timing `embed` under the `embed` stage. */
export function timedEmbedder(embedder: Embedder, timer: StageTimer): Embedder {
  return {
    get id() {
      return embedder.id;
    },
    get dimensions() {
      return embedder.dimensions;
    },
    get maxBatchSize() {
      return embedder.maxBatchSize;
    },
    // Calls side by side (a limit above 1) would each count their whole time, so the stage would add up to more than the wall clock.
    get maxConcurrency() {
      return embedder.maxConcurrency;
    },
    get semantic() {
      return embedder.semantic;
    },
    get maxInputChars() {
      return embedder.maxInputChars;
    },
    embed: (texts, kind, options) => timer.timeAsync(INGEST_STAGES.embed, () => embedder.embed(texts, kind, options)),
  };
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
