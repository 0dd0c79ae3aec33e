import { loadConfig } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import type { Archive } from '../pipeline/archive.js';
import { openArchive } from '../pipeline/open-archive.js';
import { RERANK_STAGE } from '../retrieval/reranking-retriever.js';
import type { RerankerFigures } from './bench-report.js';
import { latencyPercentiles } from './latency-percentiles.js';
import { StageTimer } from './stage-timer.js';

export interface MeasureRerankerOptions {
  /** The environment of an archive already built (NEWSBOT_HOME, EMBEDDING_MODEL), with RERANK_MODEL and its settings; unset: skipped. */
  env: Record<string, string | undefined>;
  cwd: string;
  /** Searched first, untimed (the model's first runs allocate its buffers). */
  warmUp: readonly string[];
  /** Timed one after another through `retriever.search` with default options, as `newsbot search`. */
  questions: readonly string[];
  /** Gold answers by question text: a search is a hit when its first passage holds one. */
  answers?: ReadonlyMap<string, readonly string[]>;
}

/**
 * The cross-encoder's cost per question: each search is traced, and the time of its `rerank`
 * stage (the model reading RERANK_PASSAGES pairs) is one sample, beside the whole search's time.
 * Also hit@1 with and without it on the same questions. A model that does not load is reported
 * as skipped with the reason (it downloads like `newsbot search` would, unless HF_HUB_OFFLINE).
 */
export async function measureReranker(options: MeasureRerankerOptions): Promise<RerankerFigures> {
  const config = loadConfig(options.env, options.cwd);
  if (config.rerank === null) return { skipped: 'RERANK_MODEL is not set' };
  const logger = createLogger('silent');
  const opening = performance.now();
  let archive: Archive;
  try {
    archive = await openArchive(config, logger);
  } catch (error) {
    return { skipped: `the reranker ${config.rerank.model} did not load: ${error instanceof Error ? error.message : String(error)}` };
  }
  const openArchiveMs = Math.round((performance.now() - opening) * 10) / 10;
  const model = archive.reranker?.id ?? config.rerank.model;
  const rerankTimes: number[] = [];
  const searchTimes: number[] = [];
  const reranked: (string | undefined)[] = [];
  try {
    for (const question of options.warmUp) await archive.retriever.search(question);
    for (const question of options.questions) {
      const stages = new StageTimer();
      const started = performance.now();
      const passages = await archive.retriever.search(question, { trace: stages });
      searchTimes.push(performance.now() - started);
      rerankTimes.push(stages.get(RERANK_STAGE));
      reranked.push(passages[0]?.text);
    }
  } finally {
    archive.close();
  }
  // The same questions on the same files without the reranker: the hit@1 it is compared with.
  const plain = await openArchive(config, logger, { reranker: false });
  const fused: (string | undefined)[] = [];
  try {
    for (const question of options.questions) fused.push((await plain.retriever.search(question))[0]?.text);
  } finally {
    plain.close();
  }
  return {
    model,
    passages: config.rerank.passages,
    questions: options.questions.length,
    openArchiveMs,
    rerank: latencyPercentiles(rerankTimes),
    search: latencyPercentiles(searchTimes),
    searchHitAt1: { reranked: hitAt1(options.questions, reranked, options.answers), fused: hitAt1(options.questions, fused, options.answers) },
  };
}

/** Share of the questions with gold answers whose first passage holds one, or null when none has any. */
function hitAt1(questions: readonly string[], firstPassages: readonly (string | undefined)[], answers: ReadonlyMap<string, readonly string[]> | undefined): number | null {
  let judged = 0;
  let hits = 0;
  for (const [position, question] of questions.entries()) {
    const gold = answers?.get(question.trim());
    if (!gold || gold.length === 0) continue;
    judged += 1;
    if (gold.some((answer) => firstPassages[position]?.includes(answer))) hits += 1;
  }
  return judged > 0 ? Math.round((hits / judged) * 10000) / 10000 : null;
}
