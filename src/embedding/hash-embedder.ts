import type { Embedder, EmbedKind } from './embedder.js';
import { normalizeForMatching } from '../shared/normalize-text.js';

export interface HashEmbedderOptions {
  /** Vector size (default 512): enough buckets that colliding n-grams rarely share a sign. */
  dimensions?: number;
}

const HAN = /\p{Script=Han}/u;
/** Weights per feature kind: bigrams carry most of the meaning of Chinese text. */
const UNIGRAM_WEIGHT = 0.4;
const BIGRAM_WEIGHT = 1;
const TRIGRAM_WEIGHT = 0.6;
const WORD_WEIGHT = 1;

/**
 * Offline embedder that needs no weights: hashed character n-grams (CJK uni/bi/trigrams,
 * Latin words and numbers) with sublinear term frequency, signed hashing to cancel collision
 * bias, L2-normalized. Deterministic; queries and passages are embedded alike.
 */
export class HashEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly maxBatchSize = 256;
  readonly semantic = false;
  readonly maxInputChars = 2000;

  constructor(options: HashEmbedderOptions = {}) {
    this.dimensions = options.dimensions ?? 512;
    this.id = `hash-ngram-v1-${this.dimensions}`;
  }

  async embed(texts: string[], _kind: EmbedKind): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  private embedOne(text: string): Float32Array {
    const counts = new Map<number, number>();
    const weights = new Map<number, number>();
    const add = (feature: number, weight: number): void => {
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
      weights.set(feature, weight);
    };
    const characters = Array.from(normalizeForMatching(text.slice(0, this.maxInputChars)));
    let word = '';
    for (let index = 0; index <= characters.length; index += 1) {
      const character = characters[index];
      if (character !== undefined && /[a-z0-9]/.test(character)) {
        word += character;
        continue;
      }
      if (word.length > 0) {
        add(hashString(word, 0x5bd1e995), WORD_WEIGHT);
        word = '';
      }
      if (character === undefined || !HAN.test(character)) continue;
      const code = character.codePointAt(0)!;
      add(mix(code, 1), UNIGRAM_WEIGHT);
      const next = characters[index + 1];
      if (next !== undefined && HAN.test(next)) {
        const nextCode = next.codePointAt(0)!;
        add(mix(mix(code, 2) ^ nextCode, 3), BIGRAM_WEIGHT);
        const third = characters[index + 2];
        if (third !== undefined && HAN.test(third)) add(mix(mix(mix(code, 4) ^ nextCode, 5) ^ third.codePointAt(0)!, 6), TRIGRAM_WEIGHT);
      }
    }
    const vector = new Float32Array(this.dimensions);
    for (const [feature, count] of counts) {
      const bucket = (feature >>> 1) % this.dimensions;
      const sign = feature & 1 ? 1 : -1;
      vector[bucket]! += sign * weights.get(feature)! * (1 + Math.log(count));
    }
    return normalize(vector);
  }
}

/** A 32-bit integer hash (murmur3 finalizer) of a value combined with a seed. */
function mix(value: number, seed: number): number {
  let hash = Math.imul(value ^ Math.imul(seed, 0x9e3779b1), 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** FNV-1a over UTF-16 code units, finalized with `mix`. */
function hashString(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix(hash >>> 0, 7);
}

function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < vector.length; index += 1) vector[index]! /= norm;
  return vector;
}
