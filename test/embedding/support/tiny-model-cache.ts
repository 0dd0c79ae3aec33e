import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_PAGE } from '../../helpers/run-cli.js';
import { writeTinyModel, type TinyModelOptions } from './write-tiny-model.js';
import { writeTinyCrossEncoder, type TinyCrossEncoderOptions } from './write-tiny-cross-encoder.js';

/** A model id outside MODEL_PROFILES: its settings come from its sentence-transformers files. */
export const TINY_MODEL_ID = 'newsbot-test/tiny-bert-zh';

/** The tiny model's query instruction (bge's), written to its config_sentence_transformers.json. */
export const TINY_QUERY_PROMPT = '为这个句子生成表示以用于检索相关文章：';

/** Every character of the sample page, the instruction, ASCII letters and digits, and a few the tests use. */
export const TINY_CHARACTERS = `${fs.readFileSync(SAMPLE_PAGE, 'utf8')}${TINY_QUERY_PROMPT}abcdefghijklmnopqrstuvwxyz0123456789查询：湘江风光带游客量创新高夜游项目受到欢迎`;

export interface TinyModelCache {
  /** For MODEL_CACHE_DIR. */
  cacheDir: string;
  /** `<cacheDir>/<TINY_MODEL_ID>`. */
  modelDir: string;
  files: string[];
  cleanup: () => void;
}

/** A temporary model cache holding the tiny model (options as for `writeTinyModel`, minus the folder). */
export function tinyModelCache(options: Partial<Omit<TinyModelOptions, 'dir'>> = {}): TinyModelCache {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-tiny-model-'));
  const modelDir = path.join(cacheDir, TINY_MODEL_ID);
  const { files } = writeTinyModel({
    dir: modelDir,
    characters: TINY_CHARACTERS,
    sentenceTransformers: { pooling: 'cls', queryPrompt: TINY_QUERY_PROMPT },
    ...options,
  });
  return { cacheDir, modelDir, files, cleanup: () => fs.rmSync(cacheDir, { recursive: true, force: true }) };
}

/** The tiny cross-encoder's id (`writeTinyCrossEncoder`), for RERANK_MODEL. */
export const TINY_RERANKER_ID = 'newsbot-test/tiny-reranker-zh';

/** A temporary model cache holding the tiny cross-encoder over `TINY_CHARACTERS` (options as for `writeTinyCrossEncoder`, minus the folder). */
export function tinyRerankerCache(options: Partial<Omit<TinyCrossEncoderOptions, 'dir'>> = {}): TinyModelCache {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-tiny-reranker-'));
  const modelDir = path.join(cacheDir, TINY_RERANKER_ID);
  const files = writeTinyCrossEncoder({ dir: modelDir, characters: TINY_CHARACTERS, ...options });
  return { cacheDir, modelDir, files, cleanup: () => fs.rmSync(cacheDir, { recursive: true, force: true }) };
}

/** Every file under a folder, relative to it, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort();
}
