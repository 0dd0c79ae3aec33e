/**
 * The real model's share of a question (docs/performance.md, "The real model's share of a
 * question"): a generated model with bge-small-zh-v1.5's shape answers questions over a
 * 100,000-chunk archive whose passage vectors are stand-ins, for each EMBEDDING_THREADS ×
 * EMBEDDING_PRECISION setting, several times, taking turns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE } from '../../src/pipeline/open-archive.js';
import { openHnswVectorIndex } from '../../src/store/hnsw/hnsw-vector-index.js';
import { openSqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { machineInfo, type MachineInfo } from '../../src/bench/machine-info.js';
import { BGE_SMALL_ZH_SHAPE, type BertShape } from '../bge-shaped-model/bert-shape.js';
import { BGE_SHAPED_MODEL_ID } from '../bge-shaped-model/write-bge-shaped-model.js';
import type { StandInArchive } from './build-stand-in-archive.js';
import { prepareShareArchive } from './prepare-share-archive.js';
import { measureModelSetting, type ModelSetting, type ModelSettingRun } from './measure-model-setting.js';
import { summarizeRuns, type SettingSummary } from './summarize-runs.js';

export interface RunRealModelShareOptions {
  chunks: number;
  /** Questions per timed pass (embed, search, ask, each repeated-question pass). */
  questions: number;
  warmUpQuestions: number;
  repeats: number;
  /** Settings timed in turn within each repeat. */
  settings: readonly ModelSetting[];
  cacheEntries: number;
  squadFile: string;
  samplePage: string | null;
  cwd: string;
  seed?: number;
  onProgress?: (message: string) => void;
}

export interface RealModelShareReport {
  formatVersion: 1;
  startedAt: string;
  machine: MachineInfo;
  loadAverageAtEnd: number;
  model: { id: string; indexEmbedderId: string; shapeOf: string; shape: BertShape; parameters: number; onnxMegabytes: number; quantizedOnnxMegabytes: number };
  /** What is measured for real and what stands in. */
  method: { real: string[]; standIn: string[] };
  archive: StandInArchive & { vectorDimensions: number; openSeconds: number };
  questions: { perPass: number; warmUp: number; repeats: number; cacheEntries: number };
  settings: SettingSummary[];
  runs: ModelSettingRun[];
  seconds: number;
}

/** Runs the whole bench in a temporary folder (model, archive) and removes it after. */
export async function runRealModelShare(options: RunRealModelShareOptions): Promise<RealModelShareReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-real-model-share-'));
  try {
    const {
      written,
      modelEnv,
      config,
      model,
      built,
      questions: pool,
    } = await prepareShareArchive({
      chunks: options.chunks,
      questions: options.warmUpQuestions + 4 * options.questions + 1,
      squadFile: options.squadFile,
      samplePage: options.samplePage,
      seed: options.seed ?? 7,
      folder,
      cwd: options.cwd,
      onProgress: progress,
    });
    const megabytes = (bytes: number | null): number => Math.round((bytes ?? 0) / 1e5) / 10;

    const opening = performance.now();
    const store = openSqliteArticleStore(path.join(config.dataDir, DATABASE_FILE));
    const index = openHnswVectorIndex({ dir: config.indexDir, embedderId: model.id, dimensions: model.dimensions });
    const openSeconds = Math.round((performance.now() - opening) / 100) / 10;
    const runs: ModelSettingRun[] = [];
    try {
      const take = (from: number, count: number): string[] => pool.slice(from, from + count);
      const { questions: perPass, warmUpQuestions: warmUp } = options;
      const questions = {
        first: pool[0]!,
        warmUp: take(1, warmUp),
        embed: take(1 + warmUp, perPass),
        search: take(1 + warmUp + perPass, perPass),
        ask: take(1 + warmUp + 2 * perPass, perPass),
      };
      for (let repeat = 0; repeat < options.repeats; repeat += 1) {
        for (const setting of options.settings) {
          const run = await measureModelSetting({ ...setting, modelEnv, cwd: options.cwd, store, index, questions, cacheEntries: options.cacheEntries });
          runs.push(run);
          progress(
            `${setting.precision}, threads ${setting.threads}, run ${repeat + 1}: embed p50 ${run.embed.total.p50} ms, ask p50 ${run.ask.total.p50} / p95 ${run.ask.total.p95} ms, ` +
              `repeated ask p50 ${run.repeated.cacheOff.total.p50} ms uncached, ${run.repeated.cacheOn.total.p50} ms cached (load ${run.loadAverage})`,
          );
        }
      }
    } finally {
      store.close();
    }
    return {
      formatVersion: 1,
      startedAt,
      machine,
      loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
      model: {
        id: BGE_SHAPED_MODEL_ID,
        indexEmbedderId: model.id,
        shapeOf: 'Xenova/bge-small-zh-v1.5',
        shape: BGE_SMALL_ZH_SHAPE,
        parameters: written.parameters,
        onnxMegabytes: megabytes(written.onnxBytes),
        quantizedOnnxMegabytes: megabytes(written.quantizedOnnxBytes),
      },
      method: {
        real: [
          'query embedding: the generated model through the real adapter (createLoadedEmbedder → TransformersEmbedder, onnxruntime-node), bge-small-zh-v1.5 shape and query instruction, float32 (model.onnx) and int8 (model_quantized.onnx, dynamic quantization as onnxruntime writes it)',
          'keyword search: SQLite FTS5 over every chunk',
          `vector search: HNSW (efConstruction 200, a semantic model's) over ${built.chunks} vectors of ${model.dimensions} dimensions`,
          'fusion with the vector leg at weight 1 (the embedder is semantic), the extractive answer step',
        ],
        standIn: [
          'passage vectors: the hash embedder at the model dimensions, instead of the model (which would take over an hour to embed the archive here)',
          'model weights: seeded random, so the vector leg finds unrelated passages',
          "the int8 model: written by this bench, not by onnxruntime's quantizer; the attention's two activation MatMuls stay float32",
        ],
      },
      archive: { ...built, vectorDimensions: model.dimensions, openSeconds },
      questions: { perPass: options.questions, warmUp: options.warmUpQuestions, repeats: options.repeats, cacheEntries: options.cacheEntries },
      settings: summarizeRuns(options.settings, runs),
      runs,
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
