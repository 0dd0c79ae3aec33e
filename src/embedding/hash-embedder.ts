import type { EmbedKind, EmbedOptions, Embedder } from './embedder.js';
import { normalizeForMatching } from '../text/normalize-text.js';

export interface HashEmbedderOptions {
  /** Vector length. Default `HASH_EMBEDDER_DEFAULTS.dimensions`. */
  dimensions?: number;
}

export const HASH_EMBEDDER_DEFAULTS = {
  /**
   * 512, the size of bge-small-zh's vectors, so both embedders make an index of the same size
   * (2 KB a vector). Measured on CMRC 2018 (questions against 300-character chunks, vectors
   * only): hit@1 0.66 at 256 dims, 0.77-0.80 at 512, 0.85 at 768, 0.87 at 1024, 0.89 at 2048.
   * More dims cost memory and search time for a gain that matters little here: with this
   * embedder retrieval leans on keyword search (hit@1 0.98 on the same set).
   */
  dimensions: 512,
  maxBatchSize: 256,
  maxInputChars: 2000,
} as const;

/** Feature kinds are hashed from different seeds, so 中 the character and 中 the word differ. */
const SEED_CHARACTER = 0x811c9dc5;
const SEED_BIGRAM = 0x9e3779b9;
const SEED_WORD = 0x165667b1;
const FNV_PRIME = 0x01000193;

/**
 * Offline embedder with no weights: the hashing trick over characters and words.
 * Features are the Chinese characters and character bigrams of the normalized text
 * (`normalizeForMatching`) plus its Latin/number words; each is hashed (FNV-1a, then mixed) to a
 * bucket and a sign (signed hashing, so collisions cancel out on average instead of piling up),
 * weighted by 1 + ln(tf), and the vector is L2-normalized. Deterministic; queries and passages
 * are embedded alike. Trigrams and down-weighted characters were tried and did worse on
 * CMRC 2018 (short questions rarely share a passage's trigrams; they only add collisions).
 * It captures shared wording, not meaning.
 */
export class HashEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly maxBatchSize = HASH_EMBEDDER_DEFAULTS.maxBatchSize;
  readonly maxInputChars = HASH_EMBEDDER_DEFAULTS.maxInputChars;
  /** 1: a batch is computed synchronously on the calling thread, so parallel calls would only take turns. */
  readonly maxConcurrency = 1;
  /** Shared characters, not meaning. */
  readonly semantic = false;

  constructor(options: HashEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? HASH_EMBEDDER_DEFAULTS.dimensions;
    if (!Number.isInteger(this.dimensions) || this.dimensions < 2) throw new RangeError(`dimensions must be an integer ≥ 2, got ${this.dimensions}`);
    this.id = `hash-ngram-v1-${this.dimensions}`;
  }

  embed(texts: string[], _kind: EmbedKind, options: EmbedOptions = {}): Promise<Float32Array[]> {
    if (texts.length > this.maxBatchSize) {
      return Promise.reject(new RangeError(`embed takes at most ${this.maxBatchSize} texts, got ${texts.length}`));
    }
    // Checked once: the batch then runs synchronously, so no abort can arrive between its texts.
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    return Promise.resolve(texts.map((text) => this.embedOne(text)));
  }

  /** Synchronous form of `embed` for one text. */
  embedOne(text: string): Float32Array {
    const counts = countFeatures(normalizeForMatching(text.slice(0, this.maxInputChars)));
    const vector = new Float32Array(this.dimensions);
    for (const [feature, count] of counts) {
      const hash = finalize(feature);
      const weight = 1 + Math.log(count);
      // Bucket from the remainder, sign from the top bit (signed hashing trick).
      vector[hash % this.dimensions]! += hash & 0x80000000 ? -weight : weight;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let index = 0; index < vector.length; index += 1) vector[index]! *= scale;
    }
    return vector;
  }
}

/** Feature hash → term frequency, in one pass over the text. */
function countFeatures(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  const bump = (feature: number): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  let previous = -1;
  let wordHash = 0;
  let inWord = false;
  // index === length flushes the last word.
  for (let index = 0; index <= text.length; index += 1) {
    const code = index < text.length ? text.charCodeAt(index) : 0;
    if (isHan(code)) {
      if (inWord) bump(wordHash);
      inWord = false;
      bump(mix(SEED_CHARACTER, code));
      if (previous >= 0) bump(mix(mix(SEED_BIGRAM, previous), code));
      previous = code;
      continue;
    }
    previous = -1;
    if (isWordCharacter(code)) {
      wordHash = mix(inWord ? wordHash : SEED_WORD, code);
      inWord = true;
    } else if (inWord) {
      bump(wordHash);
      inWord = false;
    }
  }
  return counts;
}

/** murmur3's finalizer: spreads FNV's weak low and high bits before bucket and sign are taken. */
function finalize(hash: number): number {
  let mixed = hash;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

/** One FNV-1a step over a UTF-16 code unit. */
function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

/** CJK Unified Ideographs, Extension A and Compatibility Ideographs (BMP). */
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** ASCII letters and digits, Latin-1/Latin Extended letters, other alphabets (Greek to Hangul syllables). */
function isWordCharacter(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x370 && code <= 0x52f) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af)
  );
}
