import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Reranker } from '../embedding/reranker.js';
import type { Answerer } from '../answer/answer-result.js';
import type { Retriever } from '../retrieval/passage.js';
import { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { RerankingRetriever } from '../retrieval/reranking-retriever.js';
import { ExtractiveAnswerer } from '../answer/extractive-answerer.js';
import { createLlmAnswerer } from '../answer/llm/create-llm-answerer.js';
import { unitWeights } from '../answer/unit-weights.js';
import { CrossLingualAnswerer } from '../answer/cross-lingual/cross-lingual-answerer.js';
import { loadEnglishIndex } from '../text/bilingual/load-english-index.js';
import { TimedAnswerer } from '../answer/time/timed-answerer.js';
import { CorrectedAnswerer } from '../answer/corrections/corrected-answerer.js';
import type { CorrectionStore } from '../store/correction-store.js';
import type { PinStore } from '../store/pin-store.js';
import { PinMatcher } from '../answer/pinned/pin-matcher.js';
import { PinnedAnswerer } from '../answer/pinned/pinned-answerer.js';
import { failSoftPins } from '../answer/pinned/fail-soft-pins.js';

export interface CreateAnswererOptions {
  config: Config;
  store: ArticleStore;
  index: VectorIndex;
  embedder: Embedder;
  /** Printed corrections: answers use the corrected statement (absent: none applied). */
  corrections?: CorrectionStore;
  /** The editors' pinned answers: a question asking what a pin answers gets it (absent: none). */
  pins?: PinStore;
  /** The loaded cross-encoder (RERANK_MODEL), or null/absent for none. */
  reranker?: Reranker | null;
  logger: Logger;
}

/** Retrieval over a store and index (reordered by the cross-encoder when there is one), and the answerer on top (the LLM
 * one when LLM_* is set, extractive otherwise), with English questions translated into Chinese search terms first,
 * and time in questions and answers read by `TimedAnswerer`; the editors' pinned answers come first (`PinnedAnswerer`). */
export function createAnswerer(options: CreateAnswererOptions): { retriever: Retriever; answerer: Answerer; pinMatcher: PinMatcher | null } {
  const { config, store, index, embedder, logger } = options;
  const hybrid = new HybridRetriever({ store, index, embedder });
  const reranker = options.reranker ?? null;
  const retriever: Retriever = reranker === null ? hybrid : new RerankingRetriever({ inner: hybrid, reranker, passages: config.rerank?.passages });
  const extractive = new ExtractiveAnswerer({
    retriever,
    unitWeights,
    articleText: (articleId) => store.articleParagraphs(articleId)?.join('\n') ?? '',
    articleChunks: (articleId) => store.articleChunks(articleId),
    documentFrequencies: (terms) => store.documentFrequencies(terms),
    minConfidence: config.answerMinConfidence ?? undefined,
  });
  const inner: Answerer = config.llm ? createLlmAnswerer({ llm: config.llm, retriever, fallback: extractive, logger }) : extractive;
  const crossLingual = new CrossLingualAnswerer({
    inner,
    // Its probe searches a bag of candidate translations (学校 校方 学堂…), not a question, to see which the best
    // passages use: a cross-encoder reads questions, and reordering the probe would cost a second rerank per question.
    retriever: hybrid,
    documentFrequencies: (terms) => store.documentFrequencies(terms),
    englishIndex: () => loadEnglishIndex({ cacheDir: config.modelCacheDir }),
  });
  const now = config.now;
  const corrections = options.corrections;
  const corrected: Answerer = corrections
    ? new CorrectedAnswerer({
        inner: crossLingual,
        correctionsOf: (articleId) => corrections.correctionsOf(articleId),
        firstChunkOf: (articleId) => store.articleChunks(articleId)[0],
      })
    : crossLingual;
  const timed = new TimedAnswerer({
    inner: corrected,
    clock: () => now ?? new Date(),
    timeZone: config.digest.timezone,
    place: config.newsroom,
  });
  const pins = options.pins;
  const pinMatcher = pins
    ? new PinMatcher({
        pins: failSoftPins({ read: () => pins.list(), onError: (error) => logger.warn({ err: error }, "could not read the editors' pins; using the ones read last") }),
        embedder,
        articleExists: (articleId) => store.getArticle(articleId) !== null,
        minSimilarity: config.pinMinSimilarity ?? undefined,
      })
    : null;
  const answerer: Answerer = pinMatcher ? new PinnedAnswerer({ inner: timed, matcher: pinMatcher, firstChunkOf: (articleId) => store.articleChunks(articleId)[0] }) : timed;
  return { retriever, answerer, pinMatcher };
}
