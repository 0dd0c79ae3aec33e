import { median } from '../embedding-workers/median.js';
import type { ModelSetting, ModelSettingRun } from './measure-model-setting.js';

/** p50 and p95 in ms, each the median over the runs. */
export interface MedianLatency {
  p50: number;
  p95: number;
}

/** One setting: every figure the median over its runs. */
export interface SettingSummary extends ModelSetting {
  runs: number;
  loadMs: number;
  firstAsk: { askMs: number; embedMs: number };
  embed: MedianLatency;
  search: MedianLatency & { embedP50: number };
  ask: MedianLatency & { embedP50: number; embedP95: number; restP50: number; embedCallsPerQuestion: number; answeredShare: number };
  /** Median embedding ms over median `ask` ms (both the medians of the runs' p50s). */
  embedShareOfAsk: number;
  repeated: { cacheFill: MedianLatency; cacheOff: MedianLatency; cacheOn: MedianLatency & { embedP50: number }; hitShare: number };
}

/** Medians over the runs of each setting. */
export function summarizeRuns(settings: readonly ModelSetting[], runs: readonly ModelSettingRun[]): SettingSummary[] {
  return settings.map((setting) => {
    const mine = runs.filter((run) => run.threads === setting.threads && run.precision === setting.precision);
    const of = (pick: (run: ModelSettingRun) => number): number => Math.round(median(mine.map(pick)) * 100) / 100;
    const askP50 = of((run) => run.ask.total.p50);
    const askEmbedP50 = of((run) => run.ask.embed.p50);
    const hits = mine.reduce((sum, run) => sum + run.repeated.cacheHits, 0);
    const lookups = hits + mine.reduce((sum, run) => sum + run.repeated.cacheMisses, 0);
    return {
      threads: setting.threads,
      precision: setting.precision,
      runs: mine.length,
      loadMs: of((run) => run.loadMs),
      firstAsk: { askMs: of((run) => run.firstAsk.askMs), embedMs: of((run) => run.firstAsk.embedMs) },
      embed: { p50: of((run) => run.embed.total.p50), p95: of((run) => run.embed.total.p95) },
      search: { p50: of((run) => run.search.total.p50), p95: of((run) => run.search.total.p95), embedP50: of((run) => run.search.embed.p50) },
      ask: {
        p50: askP50,
        p95: of((run) => run.ask.total.p95),
        embedP50: askEmbedP50,
        embedP95: of((run) => run.ask.embed.p95),
        restP50: of((run) => run.ask.rest.p50),
        embedCallsPerQuestion: of((run) => run.ask.embedCallsPerQuestion),
        answeredShare: of((run) => run.ask.answeredShare ?? 0),
      },
      embedShareOfAsk: askP50 > 0 ? Math.round((askEmbedP50 / askP50) * 1000) / 1000 : 0,
      repeated: {
        cacheFill: { p50: of((run) => run.repeated.cacheFill.total.p50), p95: of((run) => run.repeated.cacheFill.total.p95) },
        cacheOff: { p50: of((run) => run.repeated.cacheOff.total.p50), p95: of((run) => run.repeated.cacheOff.total.p95) },
        cacheOn: { p50: of((run) => run.repeated.cacheOn.total.p50), p95: of((run) => run.repeated.cacheOn.total.p95), embedP50: of((run) => run.repeated.cacheOn.embed.p50) },
        hitShare: lookups > 0 ? Math.round((hits / lookups) * 1000) / 1000 : 0,
      },
    };
  });
}
