import type { Retriever } from '../retrieval/passage.js';
import type { Answerer } from '../answer/answer-result.js';
import { latencyPercentiles, type LatencySummary } from './latency-percentiles.js';
import { StageTimer } from './stage-timer.js';

/** Query latencies over one archive. */
export interface QueryLatencies {
  search: LatencySummary;
  ask: LatencySummary;
  /** Share of `ask` questions answered (not abstained). */
  answeredShare: number;
  /** Share of the `search` questions with known answers whose first passage holds one of them (null without answers). */
  searchHitAt1: number | null;
  /** The same share for any of the first five passages (null without answers). */
  searchHitAt5: number | null;
  /** Mean milliseconds per question of each stage (`StageTrace` names), for `search` and for `ask`. */
  stages: { search: Record<string, number>; ask: Record<string, number> };
}

export interface MeasureQueriesOptions {
  /** Asked before timing starts (JIT, caches, first-use loads such as jieba's dictionary). */
  warmUp: readonly string[];
  /** Timed through `retriever.search` (default options, as `newsbot search`). */
  search: readonly string[];
  /** Timed through `answerer.answer`, as `newsbot ask` and the bot. */
  ask: readonly string[];
  /** Gold answers by question text: a search is a hit when its first passage holds one. */
  answers?: ReadonlyMap<string, readonly string[]>;
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
  // The stages are traced on the timed calls themselves (a trace costs a clock read per stage), so they show first-time
  // costs such as looking up a new word's document frequency, which a second asking would find cached.
  const searchStages = new StageTimer();
  const searchTimes: number[] = [];
  let judged = 0;
  let hitsAt1 = 0;
  let hitsAt5 = 0;
  for (const question of options.search) {
    const started = performance.now();
    const passages = await archive.retriever.search(question, { trace: searchStages });
    searchTimes.push(performance.now() - started);
    const gold = options.answers?.get(question.trim());
    if (gold && gold.length > 0) {
      judged += 1;
      const holdsGold = (passage: { text: string } | undefined): boolean => gold.some((answer) => passage?.text.includes(answer) === true);
      if (holdsGold(passages[0])) hitsAt1 += 1;
      if (passages.slice(0, 5).some(holdsGold)) hitsAt5 += 1;
    }
  }
  const askStages = new StageTimer();
  const askTimes: number[] = [];
  let answered = 0;
  for (const question of options.ask) {
    const started = performance.now();
    const result = await archive.answerer.answer(question, { trace: askStages });
    askTimes.push(performance.now() - started);
    if (result.answered) answered += 1;
  }
  return {
    search: latencyPercentiles(searchTimes),
    ask: latencyPercentiles(askTimes),
    answeredShare: options.ask.length > 0 ? Math.round((answered / options.ask.length) * 1000) / 1000 : 0,
    searchHitAt1: share(hitsAt1, judged),
    searchHitAt5: share(hitsAt5, judged),
    stages: { search: searchStages.meanPer(options.search.length), ask: askStages.meanPer(options.ask.length) },
  };
}

/** `count / total` to four places, or null when nothing was judged. */
function share(count: number, total: number): number | null {
  return total > 0 ? Math.round((count / total) * 10000) / 10000 : null;
}
