import { encodeTexts } from './encode-texts.js';
import { loadPretrainedModel, type ModelOutput, type PretrainedModel } from './load-pretrained-model.js';
import { modelCacheFolder } from './model-cache-folder.js';
import type { ModelPrecision } from './model-files.js';
import { TEXTS_PER_MODEL_CALL } from './model-profiles.js';
import { ModelUnavailableError } from './model-unavailable-error.js';
import type { RerankOptions, Reranker } from './reranker.js';
import { runInSlices } from './run-in-slices.js';
import { TRANSFORMERS_MODEL_DEFAULTS, type TransformersModelOptions } from './transformers-model-options.js';

export interface TransformersRerankerOptions extends TransformersModelOptions {
  /** Passages a caller may hand over in one `score` call. Default `TRANSFORMERS_RERANKER_DEFAULTS.batchSize`. */
  batchSize?: number;
  /** Passages per model call. Default `TRANSFORMERS_RERANKER_DEFAULTS.textsPerCall`. */
  textsPerCall?: number;
}

/** Defaults of `TransformersRerankerOptions` besides those of `TRANSFORMERS_MODEL_DEFAULTS`. */
export const TRANSFORMERS_RERANKER_DEFAULTS = {
  /** 32 pairs: RERANK_PASSAGES' default (20) in one `score` call. */
  batchSize: 32,
  /**
   * As for the embedder (`TEXTS_PER_MODEL_CALL`): a question and a chunk are about 420 tokens, and on the
   * bge-small-zh-shaped encoder with one onnxruntime thread 20 such texts took ×1.29 the time in one call that they took
   * one a call.
   */
  textsPerCall: TEXTS_PER_MODEL_CALL,
} as const;

/** What the reranker needs of a model folder besides the common files: no sentence-transformers settings. */
const NO_OPTIONAL_FILES: readonly string[] = [];

/**
 * Reranker running a cross-encoder (a sequence-classification model in the Hugging Face layout,
 * e.g. `Xenova/bge-reranker-base`) locally with transformers.js, loaded exactly as the embedder's
 * model is (`loadPretrainedModel`: cache, HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE, precision,
 * revision). Each passage is read together with the question as one text pair, truncated by tokens
 * in the passage (`encodeTexts`). The score is the model's logit for one output, or for two the
 * positive class's log-odds (logit 1 − logit 0: the order of its softmax probability, on the same
 * scale as a one-logit model's). `load()` runs the model once, so a model that is no reranker
 * fails at start.
 */
export class TransformersReranker implements Reranker {
  readonly model: string;
  readonly revision: string;
  readonly maxBatchSize: number;
  readonly textsPerCall: number;
  private readonly options: TransformersRerankerOptions;
  private readonly precision: ModelPrecision;
  private loaded: PretrainedModel | null = null;
  private loading: Promise<PretrainedModel> | null = null;

  constructor(options: TransformersRerankerOptions) {
    this.options = options;
    this.model = options.model;
    this.revision = options.revision ?? TRANSFORMERS_MODEL_DEFAULTS.revision;
    this.precision = options.precision ?? TRANSFORMERS_MODEL_DEFAULTS.precision;
    this.maxBatchSize = options.batchSize ?? TRANSFORMERS_RERANKER_DEFAULTS.batchSize;
    this.textsPerCall = options.textsPerCall ?? TRANSFORMERS_RERANKER_DEFAULTS.textsPerCall;
  }

  /** `<model>@<revision>:<precision>`; with precision `auto` known only once loaded, and throws before. */
  get id(): string {
    const precision = this.loaded?.precision ?? (this.precision === 'auto' ? null : this.precision);
    if (precision === null) throw new Error(`the id of reranking model "${this.model}" is known only once it is loaded (its precision comes from the files): await load() first`);
    return `${this.model}@${this.revision}:${precision}`;
  }

  /** The model's folder in the cache. */
  get modelDir(): string {
    return modelCacheFolder(this.options.cacheDir, this.model, this.revision);
  }

  /** Loads the model, downloading missing files unless offline; safe to call more than once. */
  async load(): Promise<void> {
    await this.loadedModel();
  }

  async score(query: string, texts: readonly string[], options: RerankOptions = {}): Promise<number[]> {
    const { signal } = options;
    if (texts.length > this.maxBatchSize) throw new RangeError(`score takes at most ${this.maxBatchSize} texts, got ${texts.length}`);
    signal?.throwIfAborted();
    if (texts.length === 0) return [];
    const loaded = await this.loadedModel();
    // The load is shared with other callers, so it is not cut short for this one; its result may come too late.
    signal?.throwIfAborted();
    return runInSlices(texts, this.textsPerCall, (slice) => this.run(loaded, query, slice), signal);
  }

  private async run(loaded: PretrainedModel, query: string, texts: readonly string[]): Promise<number[]> {
    const encoded = encodeTexts(
      loaded.tokenizer,
      texts.map(() => query),
      [...texts],
    );
    const inputs: Record<string, unknown> = {};
    for (const [name, values] of Object.entries(encoded.columns)) inputs[name] = loaded.createTensor(values, [encoded.rows, encoded.width]);
    const { logits } = await loaded.run(inputs);
    if (logits === undefined) throw new Error(`reranking model "${this.model}" has no logits output: is it a sequence-classification model?`);
    return relevanceScores(this.model, logits, texts.length);
  }

  private loadedModel(): Promise<PretrainedModel> {
    this.loading ??= this.loadModel().catch((error: unknown) => {
      // Let a later call try again (the network may come back).
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async loadModel(): Promise<PretrainedModel> {
    const pretrained = await loadPretrainedModel({
      ...this.options,
      revision: this.revision,
      precision: this.precision,
      head: 'sequence-classification',
      role: 'reranking',
      optionalFiles: NO_OPTIONAL_FILES,
      settingNames: { model: 'RERANK_MODEL', revision: 'RERANK_REVISION' },
    });
    try {
      // A model with three labels (an NLI model) or no logits loads fine and fails here, at start.
      await this.run(pretrained, 'test', ['test']);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ModelUnavailableError(this.model, `it does not score a question and a passage (${reason})`, { cause: error, modelDir: this.modelDir, role: 'reranking' });
    }
    this.loaded = pretrained;
    return pretrained;
  }
}

/** One score per pair from logits `[pairs, labels]`: the logit of one label, the positive class's log-odds of two. */
function relevanceScores(model: string, logits: ModelOutput, pairs: number): number[] {
  const [rows, labels] = logits.dims;
  if (rows !== pairs || logits.dims.length !== 2 || (labels !== 1 && labels !== 2)) {
    throw new Error(`reranking model "${model}" returned logits of shape [${logits.dims.join(', ')}], expected [${pairs}, 1] or [${pairs}, 2]`);
  }
  const scores: number[] = [];
  for (let row = 0; row < rows; row += 1) {
    scores.push(labels === 1 ? Number(logits.data[row]) : Number(logits.data[row * 2 + 1]) - Number(logits.data[row * 2]));
  }
  return scores;
}
