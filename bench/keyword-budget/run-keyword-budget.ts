import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import { DATABASE_FILE, openArchive } from '../../src/pipeline/open-archive.js';
import { prepareBenchCorpus } from '../../src/bench/prepare-bench-corpus.js';
import { chartSizes, sliceCorpus } from '../../src/bench/corpus-slices.js';
import { StageTimer } from '../../src/bench/stage-timer.js';
import { ingestSources } from '../../src/bench/ingest-sources.js';
import { machineInfo, type MachineInfo } from '../../src/bench/machine-info.js';
import { openSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { keywordBudget } from '../../src/store/sqlite/keyword-budget.js';
import { latencyPercentiles } from '../../src/bench/latency-percentiles.js';
import { chooseBudgets, fitPowerLaw, type BudgetTrial, type PowerLaw } from './choose-budget.js';

export interface RunKeywordBudgetOptions {
  chunks: number;
  sizes: readonly number[];
  rankedPostings: readonly number[];
  rescorePools: readonly number[];
  /** hit@1 a cheaper budget may lose against the best of the grid at its size. */
  tolerance: number;
  /** Questions asked per trial, from those the bench's timed searches and answers do not use. */
  questions: number;
  /** The bench's own settings, so its questions are known and left out. */
  bench: { questions: number; warmUpQuestions: number; seed: number };
  squadFile: string;
  samplePage: string | null;
  cwd: string;
  /**
   * A folder to build in and keep (null: a temporary one, removed): the sources, the archive at the last size, a copy of
   * the database at each smaller size and `kept-archives.json` (the copies, the bench's timed search questions, the
   * fit's questions, their gold answers), so later experiments reuse the archives instead of ingesting again.
   */
  keep?: string | null;
  /** A folder `keep` filled before: the trials run on its archives and questions, nothing is built. */
  reuse?: string | null;
  onProgress?: (message: string) => void;
}

/** What `keep` leaves in its folder's `kept-archives.json`. */
export interface KeptArchives {
  archives: { chunks: number; database: string }[];
  /** `newsbot bench`'s timed search questions (the figures it reports). */
  benchQuestions: string[];
  /** The questions the budget is fitted on. */
  fitQuestions: string[];
  answers: Record<string, readonly string[]>;
}

/** The file `keep` writes in its folder. */
export const KEPT_ARCHIVES_FILE = 'kept-archives.json';

export interface KeywordBudgetReport {
  machine: MachineInfo;
  loadAverageAtEnd: number;
  settings: Omit<RunKeywordBudgetOptions, 'cwd' | 'onProgress' | 'squadFile' | 'samplePage' | 'keep' | 'reuse'>;
  trials: BudgetTrial[];
  chosen: BudgetTrial[];
  fit: { ranked: PowerLaw; pool: PowerLaw };
}

/**
 * Fits `KEYWORD_BUDGET_FIT`: builds the bench corpus, and at each size tries every ranked budget and rescore pool of the
 * grid on CMRC 2018 questions the bench does not time (its reported hit@1 and hit@5 stay on questions the fit never saw),
 * keeps the cheapest within `tolerance` of the best and fits a power law through them.
 */
export async function runKeywordBudget(options: RunKeywordBudgetOptions): Promise<KeywordBudgetReport> {
  const machine = machineInfo();
  const trials = options.reuse ? reuseKeptArchives(options.reuse, options) : await buildAndTry(options);
  const chosen = chooseBudgets(trials, options.tolerance);
  const { cwd: _cwd, onProgress: _onProgress, squadFile: _squadFile, samplePage: _samplePage, keep: _keep, reuse: _reuse, ...settings } = options;
  return {
    machine,
    loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
    settings,
    trials,
    chosen,
    fit: {
      ranked: fitPowerLaw(chosen.map((trial) => ({ size: trial.chunks, value: trial.rankedPostings }))),
      pool: fitPowerLaw(chosen.map((trial) => ({ size: trial.chunks, value: trial.rescorePool }))),
    },
  };
}

/** The trials on archives a `keep` run left: its fit questions, each archive it kept. */
function reuseKeptArchives(folder: string, options: RunKeywordBudgetOptions): BudgetTrial[] {
  const kept = JSON.parse(fs.readFileSync(path.join(folder, KEPT_ARCHIVES_FILE), 'utf8')) as KeptArchives;
  const answers = new Map(Object.entries(kept.answers));
  return kept.archives.flatMap((archive) => tryBudgets(archive.database, archive.chunks, kept.fitQuestions.slice(0, options.questions), answers, options));
}

/** Builds the corpus slice by slice and tries the grid at each size (keeping the archives when asked). */
async function buildAndTry(options: RunKeywordBudgetOptions): Promise<BudgetTrial[]> {
  const progress = options.onProgress ?? (() => {});
  const root = options.keep ? path.resolve(options.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-keyword-budget-'));
  if (options.keep) fs.mkdirSync(root, { recursive: true });
  try {
    progress('building the corpus');
    const corpus = await prepareBenchCorpus({
      squadFile: options.squadFile,
      samplePage: options.samplePage,
      chunks: options.chunks,
      questions: options.bench.questions,
      warmUpQuestions: options.bench.warmUpQuestions,
      realModelChunks: 0,
      seed: options.bench.seed,
      dir: path.join(root, 'sources'),
    });
    const benchQuestions = new Set([...corpus.questions.warmUp, ...corpus.questions.search, ...corpus.questions.ask]);
    const questions = [...corpus.answers.keys()].filter((question) => !benchQuestions.has(question)).slice(0, options.questions);
    const config = loadConfig({ NEWSBOT_HOME: path.join(root, 'home'), EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent' }, options.cwd);
    const logger = createLogger('silent');
    const trials: BudgetTrial[] = [];
    const kept: KeptArchives = {
      archives: [],
      benchQuestions: corpus.questions.search,
      fitQuestions: questions,
      answers: Object.fromEntries([...corpus.questions.search, ...questions].map((question) => [question, corpus.answers.get(question) ?? []])),
    };
    const slices = sliceCorpus(corpus.files, chartSizes(options.sizes, corpus.chunks));
    let chunks = 0;
    for (const [position, slice] of slices.entries()) {
      progress(`ingesting to ${slice.chunks.toLocaleString('en-US')} chunks`);
      const writer = await openArchive(config, logger);
      try {
        chunks += (await ingestSources(writer, slice.files, new StageTimer(), options.cwd)).summary.chunks;
      } finally {
        writer.close();
      }
      const database = path.join(config.dataDir, DATABASE_FILE);
      if (options.keep) {
        const copy = position < slices.length - 1 ? path.join(root, `database-${chunks}.db`) : database;
        if (copy !== database) fs.copyFileSync(database, copy);
        kept.archives.push({ chunks, database: copy });
        fs.writeFileSync(path.join(root, KEPT_ARCHIVES_FILE), `${JSON.stringify(kept)}\n`);
      }
      trials.push(...tryBudgets(database, chunks, questions, corpus.answers, options));
    }
    return trials;
  } finally {
    if (!options.keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Every ranked budget and rescore pool of the grid on one archive, question by question in turns (each question asked
 * of every budget before the next, the first budget rotating), so a shared machine's load falls on all budgets alike
 * and their times compare: a ranked posting and a rescored candidate no longer cost in a fixed proportion.
 */
function tryBudgets(
  database: string,
  chunks: number,
  questions: readonly string[],
  answers: ReadonlyMap<string, readonly string[]>,
  options: RunKeywordBudgetOptions,
): BudgetTrial[] {
  const grid = options.rankedPostings.flatMap((rankedPostings) => options.rescorePools.map((rescorePool) => ({ rankedPostings, rescorePool })));
  const stores = grid.map(({ rankedPostings, rescorePool }) => {
    const budget = { ...keywordBudget(chunks), rankedPostings, rescorePool };
    return openSqliteArticleStore(database, { keywordBudget: () => budget });
  });
  try {
    const tallies = grid.map(() => ({ hitsAt1: 0, hitsAt5: 0, milliseconds: [] as number[] }));
    questions.forEach((question, turn) => {
      const gold = answers.get(question) ?? [];
      for (let offset = 0; offset < grid.length; offset += 1) {
        const index = (turn + offset) % grid.length;
        const store = stores[index]!;
        const tally = tallies[index]!;
        const started = performance.now();
        const hits = store.keywordSearch(question, 5);
        tally.milliseconds.push(performance.now() - started);
        const holds = store.getChunks(hits.map((hit) => hit.id)).map((chunk) => gold.some((answer) => chunk.text.includes(answer)));
        if (holds[0] === true) tally.hitsAt1 += 1;
        if (holds.includes(true)) tally.hitsAt5 += 1;
      }
    });
    const share = (count: number): number => Math.round((count / Math.max(1, questions.length)) * 10000) / 10000;
    return grid.map(({ rankedPostings, rescorePool }, index) => {
      const tally = tallies[index]!;
      const latency = latencyPercentiles(tally.milliseconds);
      const trial = { chunks, rankedPostings, rescorePool, hitAt1: share(tally.hitsAt1), hitAt5: share(tally.hitsAt5), meanMs: latency.mean, p50Ms: latency.p50 };
      options.onProgress?.(
        `${chunks} chunks, ranked ${rankedPostings}, pool ${rescorePool}: hit@1 ${trial.hitAt1}, hit@5 ${trial.hitAt5}, mean ${trial.meanMs} ms, p50 ${trial.p50Ms} ms`,
      );
      return trial;
    });
  } finally {
    for (const store of stores) store.close();
  }
}
