import os from 'node:os';
import { loadConfig } from '../../src/config/config.js';
import { createLoadedEmbedder } from '../../src/embedding/create-embedder.js';
import { QueryVectorCache } from '../../src/embedding/query-vector-cache.js';
import { createLogger } from '../../src/log/logger.js';
import { createAnswerer } from '../../src/pipeline/create-answerer.js';
import { RETRIEVAL_DEFAULTS } from '../../src/retrieval/hybrid-retriever.js';
import type { ArticleStore } from '../../src/store/article-store.js';
import type { VectorIndex } from '../../src/store/vector-index.js';
import { StandInPassageEmbedder } from './stand-in-passage-embedder.js';
import { TimedEmbedder } from './timed-embedder.js';
import { timeQuestions, type QuestionPass } from './time-questions.js';

/** The questions of one run, each set distinct from the others. */
export interface SettingQuestions {
  /** Asked first, right after the model loads. */
  first: string;
  warmUp: readonly string[];
  /** Embedded alone (the model's latency without retrieval). */
  embed: readonly string[];
  search: readonly string[];
  /** Asked with the cache off, then again for the repeated-question passes. */
  ask: readonly string[];
}

/** One setting: onnxruntime threads and which weights. */
export interface ModelSetting {
  threads: number;
  precision: 'full' | 'quantized';
}

export interface ModelSettingOptions extends ModelSetting {
  /** EMBEDDING_MODEL, MODEL_CACHE_DIR, HF_HUB_OFFLINE of the model (nothing else is read). */
  modelEnv: Record<string, string>;
  cwd: string;
  store: ArticleStore;
  index: VectorIndex;
  questions: SettingQuestions;
  /** Size of the query-vector cache of the cached passes. */
  cacheEntries: number;
}

export interface ModelSettingRun extends ModelSetting {
  /** 1-minute load average when the run started. */
  loadAverage: number;
  /** `createLoadedEmbedder`: reading the model files and creating the onnxruntime session. */
  loadMs: number;
  /** The first question after the model loaded: the whole `ask`, and its embedding. */
  firstAsk: { askMs: number; embedMs: number };
  /** `embed([question], 'query')` alone, warm. */
  embed: QuestionPass;
  /** `retriever.search`, warm, cache off. */
  search: QuestionPass;
  /** `answerer.answer`, warm, cache off (questions not asked before). */
  ask: QuestionPass;
  /** Median embedding time over median `ask` time. */
  embedShareOfAsk: number;
  /** The vector leg's fusion weight the retriever gives the embedder it is handed (1 = a semantic model's). */
  vectorWeight: number;
  repeated: {
    /** The `ask` questions again through the cache, filling it (every query a miss). */
    cacheFill: QuestionPass;
    /** The same questions a third time, cache off. */
    cacheOff: QuestionPass;
    /** And again with the cache filled (every query a hit). */
    cacheOn: QuestionPass;
    cacheHits: number;
    cacheMisses: number;
  };
}

/**
 * One run of one EMBEDDING_THREADS × EMBEDDING_PRECISION setting over an open archive: loads the model afresh (so the
 * first question pays what it pays after a start), asks the first question, warms up, then times
 * the model alone, `search`, `ask`, and a repeated set of questions with the query-vector cache
 * off and on. The cached and uncached answerers share the one loaded model.
 */
export async function measureModelSetting(options: ModelSettingOptions): Promise<ModelSettingRun> {
  const loadAverage = Math.round(os.loadavg()[0]! * 100) / 100;
  const config = loadConfig(
    { ...options.modelEnv, EMBEDDING_THREADS: String(options.threads), EMBEDDING_PRECISION: options.precision, EMBEDDING_QUERY_CACHE: '0', LOG_LEVEL: 'silent' },
    options.cwd,
  );
  const loading = performance.now();
  const model = await createLoadedEmbedder(config);
  const loadMs = performance.now() - loading;

  const timed = new TimedEmbedder(model);
  const cache = new QueryVectorCache(model, { maxEntries: options.cacheEntries });
  const timedCached = new TimedEmbedder(cache);
  const logger = createLogger('silent');
  const { store, index } = options;
  const standIn = new StandInPassageEmbedder(timed);
  const plain = createAnswerer({ config, store, index, embedder: standIn, logger });
  const cached = createAnswerer({ config, store, index, embedder: new StandInPassageEmbedder(timedCached), logger });

  timed.take();
  const firstStarted = performance.now();
  await plain.answerer.answer(options.questions.first);
  const firstAsk = { askMs: round(performance.now() - firstStarted), embedMs: round(timed.take().ms) };

  for (const question of options.questions.warmUp) {
    await plain.retriever.search(question);
    await plain.answerer.answer(question);
  }
  const ask = (answerer: typeof plain.answerer) => (question: string) => answerer.answer(question);
  const embed = await timeQuestions(
    options.questions.embed,
    async (question) => {
      await timed.embed([question], 'query');
      return undefined;
    },
    timed,
  );
  const search = await timeQuestions(options.questions.search, (question) => plain.retriever.search(question), timed);
  const asked = await timeQuestions(options.questions.ask, ask(plain.answerer), timed);
  const cacheFill = await timeQuestions(options.questions.ask, ask(cached.answerer), timedCached);
  const cacheOff = await timeQuestions(options.questions.ask, ask(plain.answerer), timed);
  const cacheOn = await timeQuestions(options.questions.ask, ask(cached.answerer), timedCached);
  return {
    threads: options.threads,
    precision: options.precision,
    loadAverage,
    loadMs: round(loadMs),
    firstAsk,
    embed,
    search,
    ask: asked,
    embedShareOfAsk: asked.total.p50 > 0 ? Math.round((asked.embed.p50 / asked.total.p50) * 1000) / 1000 : 0,
    // The retriever's own rule (HybridRetriever), applied to what it is given.
    vectorWeight: standIn.semantic ? RETRIEVAL_DEFAULTS.semanticVectorWeight : RETRIEVAL_DEFAULTS.lexicalVectorWeight,
    repeated: { cacheFill, cacheOff, cacheOn, cacheHits: cache.hits, cacheMisses: cache.misses },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
