import type { Retriever } from '../retrieval/passage.js';
import type { Answerer } from '../answer/answer-result.js';
import { latencyPercentiles, type LatencySummary } from './latency-percentiles.js';

/** Query latencies over one archive. */
export interface QueryLatencies {
  search: LatencySummary;
  ask: LatencySummary;
  /** Share of `ask` questions answered (not abstained). */
  answeredShare: number;
}

export interface MeasureQueriesOptions {
  /** Asked before timing starts (JIT, caches, first-use loads such as jieba's dictionary). */
  warmUp: readonly string[];
  /** Timed through `retriever.search` (default options, as `newsbot search`). */
  search: readonly string[];
  /** Timed through `answerer.answer`, as `newsbot ask` and the bot. */
  ask: readonly string[];
}

/**
 * Times each search and each answer one after another (a bot answers one message at a time per
 * process). Searches and answers use different questions so neither benefits from the other's
 * caches for the same words.
 */
export async function measureQueries(archive: { retriever: Retriever; answerer: Answerer }, options: MeasureQueriesOptions): Promise<QueryLatencies> {
  for (const question of options.warmUp) {
    await archive.retriever.search(question);
    await archive.answerer.answer(question);
  }
  const searchTimes: number[] = [];
  for (const question of options.search) {
    const started = performance.now();
    await archive.retriever.search(question);
    searchTimes.push(performance.now() - started);
  }
  const askTimes: number[] = [];
  let answered = 0;
  for (const question of options.ask) {
    const started = performance.now();
    const result = await archive.answerer.answer(question);
    askTimes.push(performance.now() - started);
    if (result.answered) answered += 1;
  }
  return {
    search: latencyPercentiles(searchTimes),
    ask: latencyPercentiles(askTimes),
    answeredShare: options.ask.length > 0 ? Math.round((answered / options.ask.length) * 1000) / 1000 : 0,
  };
}
