import type { TimeAnswersResult } from './time-answers.js';

/** One figure of the two builds: the median of each build's runs, and the median and range of the pairs' ratios. */
export interface PairedFigure {
  before: number;
  after: number;
  /** Median over the pairs of after ÷ before, each pair run back to back. */
  ratio: number;
  ratioRange: [number, number];
}

export interface PairsSummary {
  pairs: number;
  /** 1-minute load average at the start of each run, before and after. */
  loadAverage: { before: number[]; after: number[] };
  p50: PairedFigure;
  p95: PairedFigure;
  mean: PairedFigure;
  cpuPerQuestion: PairedFigure;
  /**
   * p50 ÷ the keyword search's ranked pass of the same run (FTS5's query, or the postings read and ranked in process):
   * when that code is the same in both builds, the quotient takes out much of what the machine's load does to a run.
   */
  p50OverRankedPass: PairedFigure;
  /** Each stage's median of the runs (ms per question). */
  stages: Record<string, { before: number; after: number }>;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Medians and paired ratios of runs of two builds taken in turns (before[i] and after[i] one pair). */
/** Stages of the keyword search's ranked pass, whichever way it ran. */
const RANKED_PASS_STAGES = ['fts5 query', 'read postings', 'rank postings'] as const;

export function summarizePairs(before: readonly TimeAnswersResult[], after: readonly TimeAnswersResult[]): PairsSummary {
  const pairs = Math.min(before.length, after.length);
  const figure = (read: (run: TimeAnswersResult) => number): PairedFigure => {
    const ratios = Array.from({ length: pairs }, (_, index) => read(after[index]!) / read(before[index]!));
    return {
      before: round(median(before.slice(0, pairs).map(read))),
      after: round(median(after.slice(0, pairs).map(read))),
      ratio: round(median(ratios)),
      ratioRange: [round(Math.min(...ratios)), round(Math.max(...ratios))],
    };
  };
  const stageNames = [...new Set([...before, ...after].flatMap((run) => Object.keys(run.stages)))];
  const stageOf = (name: string) => (run: TimeAnswersResult) => run.stages[name] ?? 0;
  return {
    pairs,
    loadAverage: { before: before.map((run) => run.loadAverage.start), after: after.map((run) => run.loadAverage.start) },
    p50: figure((run) => run.ask.p50),
    p95: figure((run) => run.ask.p95),
    mean: figure((run) => run.ask.mean),
    cpuPerQuestion: figure((run) => run.cpuPerQuestion),
    // The keyword search's ranked pass, as a yardstick of the load: FTS5's query, or the postings read and ranked in process.
    p50OverRankedPass: figure(
      (run) =>
        run.ask.p50 /
        Math.max(
          1e-9,
          RANKED_PASS_STAGES.reduce((sum, name) => sum + (run.stages[name] ?? 0), 0),
        ),
    ),
    stages: Object.fromEntries(stageNames.map((name) => [name, { before: round(median(before.map(stageOf(name)))), after: round(median(after.map(stageOf(name)))) }])),
  };
}
