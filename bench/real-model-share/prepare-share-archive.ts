import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLoadedEmbedder } from '../../src/embedding/create-embedder.js';
import type { Embedder } from '../../src/embedding/embedder.js';
import { generateBenchCorpus } from '../../src/bench/bench-corpus.js';
import { benchQuestions } from '../../src/bench/bench-questions.js';
import { loadBenchText } from '../../src/bench/bench-text.js';
import { BGE_SHAPED_MODEL_ID, writeBgeShapedModel, type BgeShapedModel } from '../bge-shaped-model/write-bge-shaped-model.js';
import { buildStandInArchive, type StandInArchive } from './build-stand-in-archive.js';

export interface PrepareShareArchiveOptions {
  chunks: number;
  questions: number;
  squadFile: string;
  samplePage: string | null;
  seed: number;
  /** An empty folder for the model cache and the archive. */
  folder: string;
  cwd: string;
  onProgress: (message: string) => void;
}

export interface ShareArchive {
  written: BgeShapedModel;
  /** EMBEDDING_MODEL, MODEL_CACHE_DIR, HF_HUB_OFFLINE and NEWSBOT_HOME of the generated model and the archive. */
  modelEnv: Record<string, string>;
  /** The float32 model the index was built under (its id is in the manifest). */
  config: Config;
  model: Embedder;
  built: StandInArchive;
  questions: string[];
}

/**
 * Writes the generated model (float32 and int8) and builds the archive from the bench corpus. The
 * corpus is dropped on return, so the timed questions run with a heap like a serving process's.
 */
export async function prepareShareArchive(options: PrepareShareArchiveOptions): Promise<ShareArchive> {
  const text = await loadBenchText({ squadFile: options.squadFile, samplePage: options.samplePage });
  const records = generateBenchCorpus(text, { chunks: options.chunks, seed: options.seed });
  const questions = benchQuestions(text.questions, options.questions, options.seed);
  const cacheDir = path.join(options.folder, 'models');
  // The vocabulary holds the corpus's and the questions' characters, as the real one holds every common character.
  const characters = records.map((record) => record.title + record.body.join('')).join('') + questions.join('');
  const written = writeBgeShapedModel({ dir: path.join(cacheDir, BGE_SHAPED_MODEL_ID), characters, quantized: true });
  const megabytes = (bytes: number | null): string => ((bytes ?? 0) / 1e6).toFixed(1);
  options.onProgress(`model: ${written.parameters} weights, ${megabytes(written.onnxBytes)} MB float32, ${megabytes(written.quantizedOnnxBytes)} MB int8`);
  const modelEnv = { EMBEDDING_MODEL: BGE_SHAPED_MODEL_ID, MODEL_CACHE_DIR: cacheDir, HF_HUB_OFFLINE: '1', NEWSBOT_HOME: path.join(options.folder, 'home') };
  // The index is built under the float32 model's id; both precisions then query it (its vectors are stand-ins either way).
  const config = loadConfig({ ...modelEnv, EMBEDDING_PRECISION: 'full', EMBEDDING_QUERY_CACHE: '0', LOG_LEVEL: 'silent' }, options.cwd);
  const model = await createLoadedEmbedder(config);
  options.onProgress(`indexing ${records.length} articles (stand-in passage vectors at ${model.dimensions} dimensions)`);
  const built = await buildStandInArchive({ dataDir: config.dataDir, indexDir: config.indexDir, records, model });
  options.onProgress(`archive: ${built.chunks} chunks in ${built.seconds} s`);
  return { written, modelEnv, config, model, built, questions };
}
