import fs from 'node:fs';
import path from 'node:path';
import { DEFAULTS, loadConfig } from '../config/config.js';
import { HASH_EMBEDDING_MODEL } from '../embedding/create-embedder.js';
import type { Archive } from '../pipeline/archive.js';
import { openArchive } from '../pipeline/open-archive.js';
import { createLogger } from '../log/logger.js';
import { recordArticle, type BenchRecord } from './bench-corpus.js';
import { measureQueries } from './measure-queries.js';
import type { RealModelFigures } from './bench-report.js';

export interface MeasureRealModelOptions {
  /** The caller's environment: EMBEDDING_MODEL (when not `hash`) and MODEL_CACHE_DIR pick the model. */
  env: Record<string, string | undefined>;
  cwd: string;
  /** An empty directory for the model's archive. */
  home: string;
  /** Articles to index (a small corpus: a CPU embeds some tens of chunks a second). */
  records: readonly BenchRecord[];
  warmUp: readonly string[];
  search: readonly string[];
  ask: readonly string[];
}

/**
 * Query latencies with a real transformers.js model, when its files are already on disk.
 * Never downloads: without a local copy the figures are skipped with the reason.
 */
export async function measureRealModel(options: MeasureRealModelOptions): Promise<RealModelFigures> {
  const configured = options.env.EMBEDDING_MODEL?.trim();
  const model = configured && configured !== HASH_EMBEDDING_MODEL ? configured : DEFAULTS.EMBEDDING_MODEL;
  const config = loadConfig({ ...options.env, NEWSBOT_HOME: options.home, EMBEDDING_MODEL: model, LOG_LEVEL: 'silent' }, options.cwd);
  const modelDir = path.join(config.modelCacheDir, model);
  if (!hasModelFiles(modelDir)) {
    return {
      skipped: `no local transformers.js model: ${modelDir} has no config.json and onnx/*.onnx (run \`newsbot models download\` where there is network and copy the folder here)`,
    };
  }
  let archive: Archive;
  try {
    archive = await openArchive(config, createLogger('silent'));
  } catch (error) {
    return { skipped: `the local model ${model} did not load: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const started = performance.now();
    const summary = await archive.indexArticles(options.records.map(recordArticle));
    const seconds = (performance.now() - started) / 1000;
    const latencies = await measureQueries(archive, { warmUp: options.warmUp, search: options.search, ask: options.ask });
    return {
      model,
      chunks: summary.chunks,
      ingestChunksPerSecond: Math.round(summary.chunks / Math.max(seconds, 1e-9)),
      search: latencies.search,
      ask: latencies.ask,
    };
  } finally {
    archive.close();
  }
}

/** Whether a model folder holds what transformers.js loads, so opening it cannot start a download. */
function hasModelFiles(modelDir: string): boolean {
  if (!fs.existsSync(path.join(modelDir, 'config.json'))) return false;
  try {
    return fs.readdirSync(path.join(modelDir, 'onnx')).some((name) => name.endsWith('.onnx'));
  } catch {
    return false;
  }
}
