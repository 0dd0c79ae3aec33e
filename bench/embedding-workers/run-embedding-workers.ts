/**
 * The embedding bench: a generated model with bge-small-zh-v1.5's shape, timed through the real
 * adapter for batch size × onnxruntime threads, then an archive ingest in PostgreSQL mode drained
 * by 1 and 2 `newsbot work` processes with 1 and 2 threads each (docs/performance.md,
 * "Embedding throughput").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import { generateBenchCorpus, recordArticle } from '../../src/bench/bench-corpus.js';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { machineInfo, type MachineInfo } from '../../src/bench/machine-info.js';
import { BGE_SMALL_ZH_SHAPE, type BertShape } from '../bge-shaped-model/bert-shape.js';
import { BGE_SHAPED_MODEL_ID, writeBgeShapedModel } from '../bge-shaped-model/write-bge-shaped-model.js';
import { startPostgresServer } from '../../test/helpers/postgres-server.js';
import { writeBenchSources } from '../../src/bench/write-bench-sources.js';
import { measureBatchThreads, type BatchThreadsResult } from './measure-batch-threads.js';
import { median } from './median.js';
import { timeQueueDrain, type QueueDrainRun } from './time-queue-drain.js';

export interface RunEmbeddingWorkersOptions {
  /** Chunks in the archive the workers embed. */
  chunks: number;
  /** Chunks timed for each batch size × threads setting. */
  sampleChunks: number;
  batchSizes: readonly number[];
  threads: readonly number[];
  workers: readonly number[];
  repeats: number;
  squadFile: string;
  samplePage: string | null;
  bin: string;
  env: Record<string, string | undefined>;
  cwd: string;
  seed?: number;
  onProgress?: (message: string) => void;
}

export interface EmbeddingWorkersReport {
  formatVersion: 1;
  startedAt: string;
  machine: MachineInfo;
  loadAverageAtEnd: number;
  model: { id: string; shapeOf: string; shape: BertShape; parameters: number; onnxMegabytes: number; precision: 'full' };
  corpus: { chunks: number; articles: number };
  batchThreads: BatchThreadsResult[];
  archive: Array<{ workers: number; threads: number; runs: QueueDrainRun[]; medianChunksPerSecond: number }>;
  /** Median chunks/s of each setting over 1 worker × 1 thread. */
  ratios: Array<{ workers: number; threads: number; overOneByOne: number }>;
}

/** Runs the whole bench in a temporary folder (model, corpus, PostgreSQL) and removes it after. */
export async function runEmbeddingWorkers(options: RunEmbeddingWorkersOptions): Promise<EmbeddingWorkersReport> {
  const progress = options.onProgress ?? (() => {});
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-embedding-bench-'));
  try {
    const text = await loadBenchText({ squadFile: options.squadFile, samplePage: options.samplePage });
    const records = generateBenchCorpus(text, { chunks: options.chunks, seed: options.seed ?? 7 });
    const sourceDir = path.join(folder, 'corpus');
    writeBenchSources(records, sourceDir);
    const chunks = records.flatMap((record) => chunkArticle(recordArticle(record)));
    progress(`corpus: ${records.length} articles, ${chunks.length} chunks`);

    const cacheDir = path.join(folder, 'models');
    const characters = records.map((record) => record.title + record.body.join('')).join('');
    const written = writeBgeShapedModel({ dir: path.join(cacheDir, BGE_SHAPED_MODEL_ID), characters });
    progress(`model: ${written.parameters} weights, ${(written.onnxBytes / 1e6).toFixed(1)} MB`);
    const modelEnv = { ...options.env, EMBEDDING_MODEL: BGE_SHAPED_MODEL_ID, MODEL_CACHE_DIR: cacheDir, HF_HUB_OFFLINE: '1', EMBEDDING_PRECISION: 'full' };

    const batchThreads = await measureBatchThreads({
      env: { ...modelEnv, NEWSBOT_HOME: path.join(folder, 'sqlite-home') },
      cwd: options.cwd,
      chunks: chunks.slice(0, options.sampleChunks),
      batchSizes: options.batchSizes,
      threads: options.threads,
      repeats: options.repeats,
      onProgress: progress,
    });

    const settings = options.workers.flatMap((workers) => options.threads.map((threads) => ({ workers, threads, runs: [] as QueueDrainRun[] })));
    const server = await startPostgresServer();
    try {
      for (let repeat = 0; repeat < options.repeats; repeat += 1) {
        for (const setting of settings) {
          const databaseUrl = await server.createDatabase();
          const home = fs.mkdtempSync(path.join(folder, 'run-'));
          const run = await timeQueueDrain({
            bin: options.bin,
            cwd: options.cwd,
            env: { ...modelEnv, DATABASE_URL: databaseUrl },
            home,
            sources: [sourceDir],
            workers: setting.workers,
            threads: setting.threads,
          });
          setting.runs.push(run);
          progress(`${setting.workers} worker(s) × ${setting.threads} thread(s): ${run.chunks} chunks in ${run.seconds} s, ${run.chunksPerSecond} chunks/s (run ${repeat + 1})`);
        }
      }
    } finally {
      await server.close();
    }
    const archive = settings.map((setting) => ({ ...setting, medianChunksPerSecond: median(setting.runs.map((run) => run.chunksPerSecond)) }));
    const base = archive.find((entry) => entry.workers === 1 && entry.threads === 1)?.medianChunksPerSecond ?? Number.NaN;
    return {
      formatVersion: 1,
      startedAt,
      machine,
      loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
      model: {
        id: BGE_SHAPED_MODEL_ID,
        shapeOf: 'Xenova/bge-small-zh-v1.5',
        shape: BGE_SMALL_ZH_SHAPE,
        parameters: written.parameters,
        onnxMegabytes: Math.round(written.onnxBytes / 1e5) / 10,
        precision: 'full',
      },
      corpus: { chunks: chunks.length, articles: records.length },
      batchThreads,
      archive,
      ratios: archive.map((entry) => ({ workers: entry.workers, threads: entry.threads, overOneByOne: Math.round((entry.medianChunksPerSecond / base) * 100) / 100 })),
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
