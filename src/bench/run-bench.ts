import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { DATABASE_FILE, openArchive } from '../pipeline/open-archive.js';
import { prepareBenchCorpus } from './prepare-bench-corpus.js';
import { chartSizes, sliceCorpus } from './corpus-slices.js';
import { StageTimer } from './stage-timer.js';
import { ALL_INGEST_STAGES, ingestSources, type IngestSourcesResult } from './ingest-sources.js';
import { measureQueries } from './measure-queries.js';
import { measureColdStart } from './measure-cold-start.js';
import { measureRealModel } from './measure-real-model.js';
import { measureReranker } from './measure-reranker.js';
import { MemorySampler, toMegabytes } from './memory-sampler.js';
import { diskUsage } from './disk-usage.js';
import { machineInfo } from './machine-info.js';
import { checkGoals } from './check-goals.js';
import type { BenchReport, SizePoint } from './bench-report.js';
import { ingestFigures, seconds } from './ingest-figures.js';

export interface RunBenchOptions {
  /** Chunks in the full corpus (default 100,000 in the CLI). */
  chunks: number;
  /** Corpus sizes for the latency chart; those below `chunks` are used, `chunks` is always the last. */
  sizes: readonly number[];
  /** Questions timed for `search`, and as many others for `ask`, at each size. */
  questions: number;
  /** CMRC 2018 (SQuAD format): passages and questions. */
  squadFile: string;
  /** A newspaper page whose articles join the text pool, or null. */
  samplePage: string | null;
  /**
   * The caller's environment: MODEL_CACHE_DIR and EMBEDDING_MODEL for the real-model run; RERANK_MODEL and its
   * settings for the reranker's own run (every other figure is taken without it).
   */
  env: Record<string, string | undefined>;
  cwd: string;
  /** Default 7. */
  seed?: number;
  /** Chunks of the corpus the real model indexes (default 2,000) and questions it is timed on (default 200). */
  realModel?: { chunks: number; questions: number };
  /** Searches timed with RERANK_MODEL over the full archive (default `RERANK_QUESTIONS`, 50). */
  rerankQuestions?: number;
  /** The compiled cold-start child (default: beside this module). */
  coldStartScript?: string;
  /** Keep the temporary corpus and archive (default false). */
  keepFiles?: boolean;
  /** Progress messages for a human. */
  onProgress?: (message: string) => void;
}

const WARM_UP_QUESTIONS = 20;
/** Untimed searches before the reranker's: its first runs allocate buffers; more would only cost seconds each. */
const RERANK_WARM_UP_QUESTIONS = 3;
/** Searches timed with the reranker by default: a base-sized cross-encoder may take seconds each on a small CPU. */
const RERANK_QUESTIONS = 50;

/**
 * `newsbot bench`: builds a corpus from real Chinese text in a temporary home with the offline
 * embedder, ingests it through the real path in slices (so latency is measured at each chart
 * size), re-ingests it unchanged, starts a serving process cold, and reports every figure.
 */
export async function runBench(options: RunBenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const memory = new MemorySampler();
  const progress = options.onProgress ?? (() => {});
  const seed = options.seed ?? 7;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-bench-'));
  try {
    progress('building the corpus');
    const realModelSettings = options.realModel ?? { chunks: 2000, questions: 200 };
    const corpus = await prepareBenchCorpus({
      squadFile: options.squadFile,
      samplePage: options.samplePage,
      chunks: options.chunks,
      questions: options.questions,
      warmUpQuestions: WARM_UP_QUESTIONS,
      realModelChunks: realModelSettings.chunks,
      seed,
      dir: path.join(root, 'sources'),
    });
    const { files, questions: questionSets } = corpus;
    const slices = sliceCorpus(files, chartSizes(options.sizes, corpus.chunks));
    // The reranker is measured on its own at the end: with it, every figure (and goal) of the series would change.
    const { RERANK_MODEL: rerankModel, ...withoutReranker } = options.env;
    const archiveEnv = { ...withoutReranker, NEWSBOT_HOME: path.join(root, 'home'), EMBEDDING_MODEL: 'hash', LOG_LEVEL: 'silent' };
    const config = loadConfig(archiveEnv, options.cwd);
    const logger = createLogger('silent');

    const timer = new StageTimer();
    const series: SizePoint[] = [];
    const ingested = { articles: 0, chunks: 0 };
    for (const slice of slices) {
      progress(`ingesting ${slice.files.length} day files (to ${slice.chunks.toLocaleString('en-US')} chunks)`);
      const writer = await openArchive(config, logger);
      try {
        const result = await ingestSources(writer, slice.files, timer, options.cwd);
        if (result.errors > 0) throw new Error(`${result.errors} bench records could not be read`);
        ingested.articles += result.summary.added;
        ingested.chunks += result.summary.chunks;
      } finally {
        writer.close();
      }
      memory.sample();
      progress(`timing ${options.questions} searches and ${options.questions} answers at ${ingested.chunks.toLocaleString('en-US')} chunks`);
      const opening = performance.now();
      const reader = await openArchive(config, logger);
      const openArchiveMs = Math.round((performance.now() - opening) * 10) / 10;
      try {
        const latencies = await measureQueries(reader, { ...questionSets, answers: corpus.answers });
        series.push({ articles: ingested.articles, chunks: ingested.chunks, ...latencies, openArchiveMs });
      } finally {
        reader.close();
      }
      memory.sample();
    }

    progress('re-ingesting the unchanged corpus');
    const reTimer = new StageTimer();
    const rewriter = await openArchive(config, logger);
    let reingested: IngestSourcesResult;
    try {
      reingested = await ingestSources(
        rewriter,
        files.map((file) => file.file),
        reTimer,
        options.cwd,
      );
    } finally {
      rewriter.close();
    }

    progress('starting a serving process cold');
    const coldStart = await measureColdStart({ env: archiveEnv, question: questionSets.ask[0] ?? '株洲', childScript: options.coldStartScript });
    const disk = diskUsage(config.dataDir, DATABASE_FILE, config.indexDir);

    progress('real-model latencies');
    const realModel = await measureRealModel({
      env: withoutReranker,
      cwd: options.cwd,
      home: path.join(root, 'model-home'),
      records: corpus.realModelRecords,
      warmUp: questionSets.warmUp,
      search: questionSets.search.slice(0, realModelSettings.questions),
      ask: questionSets.ask.slice(0, realModelSettings.questions),
    });

    progress('reranker latencies');
    const reranker = await measureReranker({
      env: { ...archiveEnv, RERANK_MODEL: rerankModel },
      cwd: options.cwd,
      warmUp: questionSets.warmUp.slice(0, RERANK_WARM_UP_QUESTIONS),
      questions: questionSets.search.slice(0, options.rerankQuestions ?? RERANK_QUESTIONS),
      answers: corpus.answers,
    });

    const queries = series.at(-1)!;
    const sourceBytes = files.reduce((sum, file) => sum + fs.statSync(file.file).size, 0);
    const withoutGoals: Omit<BenchReport, 'goals'> = {
      formatVersion: 1,
      startedAt,
      machine,
      settings: { chunks: options.chunks, sizes: series.map((point) => point.chunks), questions: options.questions, embedder: config.embeddingModel, seed },
      corpus: {
        articles: corpus.articles,
        chunks: ingested.chunks,
        sourceFiles: files.length,
        sourceMb: toMegabytes(sourceBytes),
        firstDate: corpus.firstDate,
        lastDate: corpus.lastDate,
      },
      ingest: ingestFigures(timer, ingested),
      reingest: {
        seconds: seconds(reTimer.get(ALL_INGEST_STAGES.parseClean) + reTimer.get(ALL_INGEST_STAGES.indexArticles) + reTimer.get(ALL_INGEST_STAGES.removeStale)),
        parseSeconds: seconds(reTimer.get(ALL_INGEST_STAGES.parseClean)),
        indexSeconds: seconds(reTimer.get(ALL_INGEST_STAGES.indexArticles)),
        unchanged: reingested.summary.unchanged,
        chunksWritten: reingested.summary.chunks,
      },
      queries,
      series,
      coldStart,
      memory: { bench: memory.stop(), servePeakRssMb: 'skipped' in coldStart ? null : coldStart.peakRssMb },
      disk,
      realModel,
      reranker,
      seconds: 0,
    };
    withoutGoals.seconds = seconds(performance.now() - started);
    return { ...withoutGoals, goals: checkGoals(withoutGoals) };
  } finally {
    memory.stop();
    if (!options.keepFiles) fs.rmSync(root, { recursive: true, force: true });
    else progress(`bench files kept in ${root}`);
  }
}
