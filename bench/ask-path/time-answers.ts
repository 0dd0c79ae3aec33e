import fs from 'node:fs';
import os from 'node:os';
import type { Answerer, AnswerResult } from '../../src/answer/answer-result.js';
import { latencyPercentiles, type LatencySummary } from '../../src/bench/latency-percentiles.js';
import { StageTimer } from '../../src/bench/stage-timer.js';

export interface TimeAnswersOptions {
  /** Asked first, untimed (JIT, caches, jieba's dictionary), as `newsbot bench` does. */
  warmUp: readonly string[];
  /** Timed one after another, each with a stage trace. */
  questions: readonly string[];
  /** Writes each answer as one JSON line (question, answered, answer, citations, mode, other stories) here. */
  answersFile?: string;
}

export interface TimeAnswersResult {
  /** 1-minute load average before and after the timed questions. */
  loadAverage: { start: number; end: number };
  ask: LatencySummary;
  /**
   * Processor time of the process per question (user + system, ms): on a shared machine a question's wall time
   * includes waiting for a core, its processor time much less so.
   */
  cpuPerQuestion: number;
  /** Mean milliseconds per question of each traced stage, and what the stages leave of the mean (`rest`). */
  stages: Record<string, number>;
  answeredShare: number;
}

/**
 * Times `answerer.answer` over the questions as `newsbot bench` times `ask` (warm-up first, a trace on each timed call),
 * keeping every answer, so two builds can be compared on speed and on the answers given.
 */
export async function timeAnswers(answerer: Answerer, options: TimeAnswersOptions): Promise<TimeAnswersResult> {
  for (const question of options.warmUp) await answerer.answer(question);
  const load = (): number => Math.round(os.loadavg()[0]! * 100) / 100;
  const start = load();
  const stages = new StageTimer();
  const times: number[] = [];
  const results: AnswerResult[] = [];
  const cpuBefore = process.cpuUsage();
  for (const question of options.questions) {
    const started = performance.now();
    results.push(await answerer.answer(question, { trace: stages }));
    times.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const ask = latencyPercentiles(times);
  const means = stages.meanPer(options.questions.length);
  const traced = Object.values(means).reduce((sum, milliseconds) => sum + milliseconds, 0);
  if (options.answersFile) {
    const lines = results.map((result, index) => JSON.stringify({ question: options.questions[index], ...result }));
    fs.writeFileSync(options.answersFile, `${lines.join('\n')}\n`);
  }
  return {
    loadAverage: { start, end: load() },
    ask,
    cpuPerQuestion: Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, options.questions.length)) * 1000) / 1000,
    stages: { ...means, rest: Math.round(Math.max(0, ask.mean - traced) * 1000) / 1000 },
    answeredShare: results.filter((result) => result.answered).length / Math.max(1, results.length),
  };
}
