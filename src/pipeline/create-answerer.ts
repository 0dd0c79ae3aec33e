import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { ArticleStore } from '../store/article-store.js';
import type { VectorIndex } from '../store/vector-index.js';
import type { Embedder } from '../embedding/embedder.js';
import type { Answerer } from '../answer/answer-result.js';
import { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { ExtractiveAnswerer } from '../answer/extractive-answerer.js';
import { createLlmAnswerer } from '../answer/llm/create-llm-answerer.js';
import { unitWeights } from '../answer/unit-weights.js';
import { CrossLingualAnswerer } from '../answer/cross-lingual/cross-lingual-answerer.js';
import { loadEnglishIndex } from '../text/bilingual/load-english-index.js';

export interface CreateAnswererOptions {
  config: Config;
  store: ArticleStore;
  index: VectorIndex;
  embedder: Embedder;
  logger: Logger;
}

/** Retrieval over a store and index, and the answerer on top (the LLM one when LLM_* is set, extractive otherwise),
 * with English questions translated into Chinese search terms first. */
export function createAnswerer(options: CreateAnswererOptions): { retriever: HybridRetriever; answerer: Answerer } {
  const { config, store, index, embedder, logger } = options;
  const retriever = new HybridRetriever({ store, index, embedder });
  const extractive = new ExtractiveAnswerer({
    retriever,
    unitWeights: (units) => unitWeights(store, units),
    articleText: (articleId) => store.getArticle(articleId)?.paragraphs.join('\n') ?? '',
    documentFrequencies: (terms) => store.documentFrequencies(terms),
  });
  const inner: Answerer = config.llm ? createLlmAnswerer({ llm: config.llm, retriever, fallback: extractive, logger }) : extractive;
  const answerer = new CrossLingualAnswerer({
    inner,
    retriever,
    documentFrequencies: (terms) => store.documentFrequencies(terms),
    englishIndex: () => loadEnglishIndex({ cacheDir: config.modelCacheDir }),
  });
  return { retriever, answerer };
}
