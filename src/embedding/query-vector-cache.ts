import { BoundedLru } from './bounded-lru.js';
import type { EmbedKind, EmbedOptions, Embedder } from './embedder.js';
import { EmbedderDecorator } from './embedder-decorator.js';

export interface QueryVectorCacheOptions {
  /** Most query vectors kept (EMBEDDING_QUERY_CACHE). Default `QUERY_VECTOR_CACHE_DEFAULTS.maxEntries`. */
  maxEntries?: number;
  /**
   * Where the vectors are kept; pass one to share it between embedders (entries are keyed by the
   * embedder's id too, so different models never see each other's vectors). Default: its own.
   */
  store?: BoundedLru<string, Float32Array>;
}

export const QUERY_VECTOR_CACHE_DEFAULTS = {
  /**
   * 1,000 query vectors: 2 MB at 512 dimensions. Enough for the questions a newsroom's readers
   * repeat within a day or two (the same headline asked by many); see docs/performance.md, "The real model's
   * share of a question".
   */
  maxEntries: 1000,
} as const;

/** Key separator: a character no question contains. */
const SEPARATOR = '\u0000';

/**
 * An `Embedder` that remembers query vectors: the same question text (exactly, as the model would
 * see it: the adapter adds its instruction and tokenizes, nothing else) under the same embedder id
 * gets the stored vector back without running the model. Passages are never cached: they are
 * embedded once each, so a cache would only hold memory. Hits get a copy, so a caller changing
 * its vector cannot change the next caller's.
 */
export class QueryVectorCache extends EmbedderDecorator {
  /** Query texts answered from the cache, and those that ran the model, since construction. */
  hits = 0;
  misses = 0;
  private readonly store: BoundedLru<string, Float32Array>;

  constructor(inner: Embedder, options: QueryVectorCacheOptions = {}) {
    super(inner);
    this.store = options.store ?? new BoundedLru(options.maxEntries ?? QUERY_VECTOR_CACHE_DEFAULTS.maxEntries);
  }

  override async embed(texts: string[], kind: EmbedKind, options: EmbedOptions = {}): Promise<Float32Array[]> {
    const prefix = kind === 'query' ? this.keyPrefix() : null;
    if (prefix === null) return this.inner.embed(texts, kind, options);
    options.signal?.throwIfAborted();
    const vectors: (Float32Array | undefined)[] = texts.map((text) => this.store.get(prefix + text));
    const missing = [...new Set(texts.filter((_, position) => vectors[position] === undefined))];
    this.hits += vectors.filter((vector) => vector !== undefined).length;
    this.misses += missing.length;
    if (missing.length > 0) {
      const computed = await this.inner.embed(missing, kind, options);
      const byText = new Map(missing.map((text, position) => [text, computed[position]]));
      for (const [text, vector] of byText) if (vector !== undefined) this.store.set(prefix + text, vector.slice());
      for (const [position, text] of texts.entries()) vectors[position] ??= byText.get(text);
    }
    return vectors.map((vector, position) => {
      if (vector === undefined) throw new Error(`embedder "${this.inner.id}" returned no vector for query ${position}`);
      return vector.slice();
    });
  }

  /** The embedder's id as the start of every key; null (no caching) while the id is unknown (a model not loaded yet). */
  private keyPrefix(): string | null {
    try {
      return this.inner.id + SEPARATOR;
    } catch {
      return null;
    }
  }
}
