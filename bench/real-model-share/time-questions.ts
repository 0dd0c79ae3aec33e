import type { Passage } from '../../src/retrieval/passage.js';
import { latencyPercentiles, type LatencySummary } from '../../src/bench/latency-percentiles.js';
import type { TimedEmbedder } from './timed-embedder.js';

/** One pass of questions: the whole call's latency and the part spent embedding the question. */
export interface QuestionPass {
  total: LatencySummary;
  embed: LatencySummary;
  /** The call less its embedding, question by question. */
  rest: LatencySummary;
  /** `embed` calls per question (the answerer may search more than once). */
  embedCallsPerQuestion: number;
  /** Per kind of call: answered share for `ask`, passages from each retrieval leg for `search`. */
  answeredShare?: number;
  legs?: { keyword: number; vector: number; both: number };
}

/** A call to time: `ask` returns whether it answered, `search` its passages, an embedding nothing. */
export type TimedCall = (question: string) => Promise<{ answered: boolean } | Passage[] | undefined>;

/** Times `call` on each question in turn, reading the embedding time of each from `timed`. */
export async function timeQuestions(questions: readonly string[], call: TimedCall, timed: TimedEmbedder): Promise<QuestionPass> {
  const totals: number[] = [];
  const embeds: number[] = [];
  const rests: number[] = [];
  let calls = 0;
  let answered = 0;
  let answers = 0;
  const legs = { passages: 0, keyword: 0, vector: 0, both: 0 };
  let searches = false;
  timed.take();
  for (const question of questions) {
    const started = performance.now();
    const result = await call(question);
    const total = performance.now() - started;
    const embed = timed.take();
    totals.push(total);
    embeds.push(embed.ms);
    rests.push(total - embed.ms);
    calls += embed.calls;
    if (Array.isArray(result)) {
      searches = true;
      for (const passage of result) {
        legs.passages += 1;
        if (passage.keywordRank !== null) legs.keyword += 1;
        if (passage.vectorRank !== null) legs.vector += 1;
        if (passage.keywordRank !== null && passage.vectorRank !== null) legs.both += 1;
      }
    } else if (result !== undefined) {
      answers += 1;
      if (result.answered) answered += 1;
    }
  }
  const share = (count: number, of: number): number => (of > 0 ? Math.round((count / of) * 1000) / 1000 : 0);
  return {
    total: latencyPercentiles(totals),
    embed: latencyPercentiles(embeds),
    rest: latencyPercentiles(rests),
    embedCallsPerQuestion: share(calls, questions.length),
    ...(searches ? { legs: { keyword: share(legs.keyword, legs.passages), vector: share(legs.vector, legs.passages), both: share(legs.both, legs.passages) } } : {}),
    ...(answers > 0 ? { answeredShare: share(answered, answers) } : {}),
  };
}
