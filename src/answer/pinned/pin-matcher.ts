import type { Embedder } from '../../embedding/embedder.js';
import type { Pin } from '../../store/pin-store.js';

/** A pin a question asks the same thing as, with how close the two questions are. */
export interface PinMatch {
  pin: Pin;
  /** Cosine similarity of the two questions' vectors. */
  similarity: number;
}

/** Options of {@link PinMatcher}. */
export interface PinMatcherOptions {
  /** The pins now stored (read on every question: tens to hundreds of rows; their vectors are cached). */
  pins: () => Promise<readonly Pin[]>;
  /** The archive's embedder: questions are matched with the vectors retrieval uses. */
  embedder: Embedder;
  /** Whether an article is still in the archive: a pin whose article was removed is not served. */
  articleExists: (articleId: string) => boolean;
  /** Least cosine similarity of a match; default {@link PIN_MATCH_DEFAULTS}. */
  minSimilarity?: number;
}

/**
 * The least cosine similarity between a reader's question and a pin's for the pin to answer it.
 *
 * lexical (the offline hash embedder, character n-grams), measured on questions of our own (test/answer/pinned):
 * rewordings of a pinned question ("城南体育馆什么时候开放" → "城南体育馆哪天开门", "请问城南体育馆几时对外开放";
 * "地铁5号线什么时候通车" → "5号线地铁哪天开通", "地铁5号线通车时间"; "今年的高考报名截止日期是哪天" → "高考报名哪天截止")
 * score 0.46 to 0.68; questions about something else that share a word or the question's shape ("地铁票价是多少",
 * "地铁5号线…" against the gym, "城南菜市场的菜价涨了吗") 0.08 to 0.32. 0.40 sits between the two. A question that
 * changes one noun and keeps the rest ("城南图书馆什么时候开放", 0.79) looks like a rewording to characters; numbers are
 * checked apart (see `sameNumbers`), nouns are not: that needs a semantic model.
 *
 * semantic (a trained model): not measured here (no model offline in the tests); 0.80 follows the usual spread of
 * sentence-embedding models, where unrelated questions on one subject score up to 0.7. Set PIN_MIN_SIMILARITY after
 * measuring the model in use.
 */
export const PIN_MATCH_DEFAULTS = { lexical: 0.4, semantic: 0.8 } as const;

/**
 * Finds the pin a question asks the same thing as, matched by meaning with the archive's embedder (as retrieval
 * matches passages), not by exact text: the closest pin at or above the threshold, with the same numbers, whose
 * article (if it has one) is still in the archive.
 */
export class PinMatcher {
  readonly #options: PinMatcherOptions;
  readonly #minSimilarity: number;
  /** Pin question → its vector; pins are few, and rebuilt vectors only when a pin's question is new. */
  #vectors = new Map<string, Float32Array>();

  constructor(options: PinMatcherOptions) {
    this.#options = options;
    this.#minSimilarity = options.minSimilarity ?? (options.embedder.semantic ? PIN_MATCH_DEFAULTS.semantic : PIN_MATCH_DEFAULTS.lexical);
  }

  /** The pin that answers `question`, or null. */
  async match(question: string, signal?: AbortSignal): Promise<PinMatch | null> {
    const pins = (await this.#options.pins()).filter((pin) => pin.articleId === null || this.#options.articleExists(pin.articleId));
    if (pins.length === 0) return null;
    const vectors = await this.#vectorsOf(pins, signal);
    const [questionVector] = await this.#options.embedder.embed([question], 'query', { signal });
    let best: PinMatch | null = null;
    for (const pin of pins) {
      const similarity = cosine(questionVector!, vectors.get(pin.question)!);
      if (similarity < this.#minSimilarity || !sameNumbers(question, pin.question)) continue;
      if (best === null || similarity > best.similarity) best = { pin, similarity };
    }
    return best;
  }

  async #vectorsOf(pins: readonly Pin[], signal?: AbortSignal): Promise<Map<string, Float32Array>> {
    const vectors = new Map<string, Float32Array>();
    const missing: string[] = [];
    for (const pin of pins) {
      const known = this.#vectors.get(pin.question);
      if (known) vectors.set(pin.question, known);
      else if (!missing.includes(pin.question)) missing.push(pin.question);
    }
    const batchSize = Math.max(1, this.#options.embedder.maxBatchSize);
    for (let start = 0; start < missing.length; start += batchSize) {
      const batch = missing.slice(start, start + batchSize);
      const embedded = await this.#options.embedder.embed(batch, 'query', { signal });
      for (const [index, text] of batch.entries()) vectors.set(text, embedded[index]!);
    }
    this.#vectors = vectors;
    return vectors;
  }
}

/** Both vectors are L2-normalized (the `Embedder` contract): the dot product is the cosine. */
function cosine(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += left[index]! * right[index]!;
  return sum;
}

/** Whether two questions name the same numbers: line 3 is not line 5, 2025 is not 2026, however alike the words. */
function sameNumbers(left: string, right: string): boolean {
  const numbers = (text: string) => [...new Set(text.normalize('NFKC').match(/\d+(?:\.\d+)?/g) ?? [])].sort().join(',');
  return numbers(left) === numbers(right);
}
