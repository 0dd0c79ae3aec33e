import path from 'node:path';
import type { TokenizerLike } from './encode-texts.js';
import { describeModelFailure } from './describe-model-failure.js';
import { ensureModelFiles } from './ensure-model-files.js';
import { importTransformers, type TransformersModule } from './import-transformers.js';
import { modelCacheFolder } from './model-cache-folder.js';
import { MODEL_FILES } from './model-files.js';
import { ModelUnavailableError, type ModelRole } from './model-unavailable-error.js';
import { TRANSFORMERS_MODEL_DEFAULTS, type TransformersModelOptions } from './transformers-model-options.js';
import { withSessionOptions } from './with-session-options.js';

/** Which transformers.js class builds the model: the bare encoder (`AutoModel`) or one with a classification head (`AutoModelForSequenceClassification`). */
export type PretrainedModelHead = 'encoder' | 'sequence-classification';

export interface LoadPretrainedModelOptions extends TransformersModelOptions {
  head: PretrainedModelHead;
  /** Named in the error when loading fails, with the setting that does without the model. */
  role: ModelRole;
  /** Passed to `ensureModelFiles`. Default its own (an embedding model's sentence-transformers settings). */
  optionalFiles?: readonly string[];
  /** Passed to `ensureModelFiles`, for the hint of a 404. Default its own (EMBEDDING_MODEL, EMBEDDING_REVISION). */
  settingNames?: { model: string; revision: string };
}

/** A tensor as the ONNX session returns it. */
export interface ModelOutput {
  data: ArrayLike<number>;
  dims: number[];
}

/** A model ready to run, with its tokenizer. */
export interface PretrainedModel {
  tokenizer: TokenizerLike;
  /** One ONNX session call on int64 tensors named as the tokenizer's columns; outputs by name (`last_hidden_state`, `logits`). */
  run: (inputs: Record<string, unknown>) => Promise<Record<string, ModelOutput | undefined>>;
  createTensor: (values: BigInt64Array, dims: number[]) => unknown;
  /** The weights loaded: `auto` resolved to what the cache holds. */
  precision: 'quantized' | 'full';
  /** The model's folder in the cache. */
  modelDir: string;
}

/**
 * Loads a transformers.js model the one way newsbot does: files missing from the cache are first
 * downloaded from `endpoint` (`ensureModelFiles`, unless `offline`), then transformers.js reads the
 * cache only, with `threads` applied to the sessions it creates. Failures become
 * `ModelUnavailableError`, which says how to fix them.
 */
export async function loadPretrainedModel(options: LoadPretrainedModelOptions): Promise<PretrainedModel> {
  const revision = options.revision ?? TRANSFORMERS_MODEL_DEFAULTS.revision;
  const endpoint = options.endpoint ?? TRANSFORMERS_MODEL_DEFAULTS.endpoint;
  const modelDir = modelCacheFolder(options.cacheDir, options.model, revision);
  const unavailable = (reason: string, cause: unknown): ModelUnavailableError => new ModelUnavailableError(options.model, reason, { cause, modelDir, role: options.role });
  let transformers: TransformersModule;
  try {
    transformers = await importTransformers();
  } catch (error) {
    throw unavailable(`the @xenova/transformers package failed to load (${describeModelFailure(error)})`, error);
  }
  let precision: 'quantized' | 'full';
  try {
    ({ precision } = await ensureModelFiles({
      model: options.model,
      revision,
      precision: options.precision ?? TRANSFORMERS_MODEL_DEFAULTS.precision,
      dir: modelDir,
      endpoint,
      offline: options.offline ?? false,
      token: options.token ?? null,
      timeoutMs: options.downloadTimeoutMs,
      optionalFiles: options.optionalFiles,
      settingNames: options.settingNames,
    }));
  } catch (error) {
    throw unavailable(describeModelFailure(error), error);
  }
  const { env, AutoTokenizer, AutoModel, AutoModelForSequenceClassification, Tensor } = transformers;
  // Files are in place; transformers.js reads them from the model folder and never downloads.
  const folder = revision === 'main' ? options.model : `${options.model}/${revision}`;
  env.localModelPath = options.cacheDir;
  env.cacheDir = options.cacheDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  env.remoteHost = `${endpoint.replace(/\/+$/, '')}/`;
  env.remotePathTemplate = '{model}/resolve/{revision}/';
  try {
    const tokenizer = (await AutoTokenizer.from_pretrained(folder, { local_files_only: true })) as unknown as TokenizerLike;
    const threads = options.threads ?? null;
    const sessionOptions = threads === null ? {} : { intraOpNumThreads: threads };
    const modelClass = options.head === 'encoder' ? AutoModel : AutoModelForSequenceClassification;
    const modelFile = path.join(modelDir, MODEL_FILES.weights[precision]);
    const model = (await withSessionOptions({ options: sessionOptions, modelFile }, () =>
      modelClass.from_pretrained(folder, { quantized: precision === 'quantized', local_files_only: true }),
    )) as unknown as PretrainedModel['run'];
    return { tokenizer, run: (inputs) => model(inputs), precision, modelDir, createTensor: (values, dims) => new Tensor('int64', values, dims) };
  } catch (error) {
    throw unavailable(`the files in ${modelDir} did not load (${describeModelFailure(error)})`, error);
  }
}
