import type { EmbedKind, EmbedOptions, Embedder } from './embedder.js';
import { embedderId } from './embedder-id.js';
import { encodeTexts } from './encode-texts.js';
import { describeModelFailure } from './describe-model-failure.js';
import { loadPretrainedModel, type PretrainedModel } from './load-pretrained-model.js';
import { modelCacheFolder } from './model-cache-folder.js';
import type { ModelPrecision } from './model-files.js';
import { DEFAULT_MODEL_PROFILE, MODEL_PROFILES, type ModelProfile } from './model-profiles.js';
import { ModelUnavailableError } from './model-unavailable-error.js';
import { poolEmbeddings } from './pool-embeddings.js';
import { readSentenceTransformersProfile } from './read-sentence-transformers-profile.js';
import { runInSlices } from './run-in-slices.js';
import { TRANSFORMERS_MODEL_DEFAULTS, type TransformersModelOptions } from './transformers-model-options.js';

export interface TransformersEmbedderOptions extends TransformersModelOptions {
  /**
   * How to run the model. Default: its entry in `MODEL_PROFILES`, else what its
   * sentence-transformers files say (`readSentenceTransformersProfile`) over `DEFAULT_MODEL_PROFILE`.
   */
  profile?: ModelProfile;
  /** Texts per model call (EMBEDDING_BATCH_SIZE). Default null: the profile's `textsPerCall`. */
  batchSize?: number | null;
}

/** The loaded encoder (its output: `last_hidden_state` of `[texts, tokens, dimensions]`) and how it is run. */
interface LoadedModel extends PretrainedModel {
  profile: ModelProfile;
}

/**
 * Embedder running a sentence-embedding model locally with transformers.js (ONNX).
 * The model loads on the first `embed`, or up front with `load()`, through `loadPretrainedModel`:
 * files missing from the cache are first downloaded from `endpoint` (unless `offline`), then
 * transformers.js reads the cache only. Texts are truncated by tokens, instruction prefix included
 * (`encodeTexts`). Failures become `ModelUnavailableError`, which says how to fix them.
 */
export class TransformersEmbedder implements Embedder {
  readonly model: string;
  readonly revision: string;
  /** Texts a caller may hand over at once; they go to the model `textsPerCall` at a time. */
  readonly maxBatchSize: number;
  readonly textsPerCall: number;
  /** A bound for callers cutting text; the model itself truncates by tokens. */
  readonly maxInputChars: number;
  /**
   * 1: onnxruntime-node (1.14, under transformers.js 2.17) runs a batch synchronously on the main
   * thread and already spreads it over the cores with its intra-op threads, so a second call at the
   * same time would only wait for the first.
   */
  readonly maxConcurrency = 1;
  readonly semantic = true;
  private readonly knownProfile: ModelProfile | null;
  private readonly cacheDir: string;
  private readonly downloadTimeoutMs: number;
  private readonly precision: ModelPrecision;
  private readonly endpoint: string;
  private readonly offline: boolean;
  private readonly token: string | null;
  private readonly threads: number | null;
  private loaded: LoadedModel | null = null;
  private discoveredDimensions: number | null = null;
  private loading: Promise<LoadedModel> | null = null;

  constructor(options: TransformersEmbedderOptions) {
    this.model = options.model;
    this.revision = options.revision ?? TRANSFORMERS_MODEL_DEFAULTS.revision;
    this.precision = options.precision ?? TRANSFORMERS_MODEL_DEFAULTS.precision;
    this.endpoint = options.endpoint ?? TRANSFORMERS_MODEL_DEFAULTS.endpoint;
    this.offline = options.offline ?? false;
    this.token = options.token ?? null;
    this.knownProfile = options.profile ?? MODEL_PROFILES[options.model] ?? null;
    this.cacheDir = options.cacheDir;
    this.downloadTimeoutMs = options.downloadTimeoutMs;
    const limits = this.knownProfile ?? DEFAULT_MODEL_PROFILE;
    this.textsPerCall = options.batchSize ?? limits.textsPerCall;
    this.maxBatchSize = Math.max(limits.maxBatchSize, this.textsPerCall);
    this.threads = options.threads ?? null;
    this.maxInputChars = limits.maxInputChars;
  }

  /**
   * Model, revision, precision, pooling and instructions (`embedderId`), recorded in the index
   * manifest. Known before loading only for a profiled model with a fixed precision.
   */
  get id(): string {
    const profile = this.loaded?.profile ?? this.knownProfile;
    const precision = this.loaded?.precision ?? (this.precision === 'auto' ? null : this.precision);
    if (profile === null || precision === null) {
      throw new Error(`the id of embedding model "${this.model}" is known only once it is loaded (its precision or settings come from the files): await load() first`);
    }
    return embedderId({ model: this.model, revision: this.revision, precision, pooling: profile.pooling, queryPrefix: profile.queryPrefix, passagePrefix: profile.passagePrefix });
  }

  /** Known from the model profile; for other models only after `load()`, and throws before. */
  get dimensions(): number {
    const dimensions = this.loaded?.profile.dimensions ?? this.knownProfile?.dimensions ?? this.discoveredDimensions;
    if (dimensions === null || dimensions === undefined) {
      throw new Error(`the dimensions of embedding model "${this.model}" are known only once it is loaded: await load() first (createLoadedEmbedder does)`);
    }
    return dimensions;
  }

  /** Whether `dimensions` can be read without loading the model. */
  get dimensionsKnown(): boolean {
    return (this.loaded?.profile.dimensions ?? this.knownProfile?.dimensions ?? this.discoveredDimensions) !== null;
  }

  /** The model's folder in the cache. */
  get modelDir(): string {
    return modelCacheFolder(this.cacheDir, this.model, this.revision);
  }

  /** Loads the model, downloading missing files unless offline; safe to call more than once. */
  async load(): Promise<void> {
    await this.loadedModel();
  }

  async embed(texts: string[], kind: EmbedKind, options: EmbedOptions = {}): Promise<Float32Array[]> {
    const { signal } = options;
    if (texts.length > this.maxBatchSize) throw new RangeError(`embed takes at most ${this.maxBatchSize} texts, got ${texts.length}`);
    signal?.throwIfAborted();
    if (texts.length === 0) return [];
    const loaded = await this.loadedModel();
    // Loading may have taken minutes (a download): the caller may have given up meanwhile. The
    // load itself is shared with other callers, so it is not cut short for this one.
    signal?.throwIfAborted();
    const vectors = await runInSlices(texts, this.textsPerCall, (slice) => this.run(loaded, slice, kind), signal);
    const width = vectors[0]?.length ?? 0;
    if (width !== this.dimensions) throw new Error(`embedding model "${this.model}" returned ${width} dimensions, expected ${this.dimensions}`);
    return vectors;
  }

  private async run(loaded: LoadedModel, texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const prefix = kind === 'query' ? loaded.profile.queryPrefix : loaded.profile.passagePrefix;
    const encoded = encodeTexts(
      loaded.tokenizer,
      texts.map((text) => prefix + text),
    );
    const inputs: Record<string, unknown> = {};
    for (const [name, values] of Object.entries(encoded.columns)) inputs[name] = loaded.createTensor(values, [encoded.rows, encoded.width]);
    const output = await loaded.run(inputs);
    const hidden = output.last_hidden_state;
    if (hidden === undefined) throw new Error(`embedding model "${this.model}" has no last_hidden_state output`);
    return poolEmbeddings(hidden.data, hidden.dims, encoded.attentionMask, loaded.profile.pooling);
  }

  private loadedModel(): Promise<LoadedModel> {
    this.loading ??= this.loadModel().catch((error: unknown) => {
      // Let a later call try again (the network may come back).
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async loadModel(): Promise<LoadedModel> {
    const pretrained = await loadPretrainedModel({
      model: this.model,
      cacheDir: this.cacheDir,
      downloadTimeoutMs: this.downloadTimeoutMs,
      revision: this.revision,
      precision: this.precision,
      endpoint: this.endpoint,
      offline: this.offline,
      token: this.token,
      threads: this.threads,
      head: 'encoder',
      role: 'embedding',
    });
    let loaded: LoadedModel;
    try {
      const profile = this.knownProfile ?? readSentenceTransformersProfile(this.modelDir, DEFAULT_MODEL_PROFILE);
      loaded = { ...pretrained, profile };
      if (profile.dimensions === null) {
        const [probe] = await this.run(loaded, ['test'], 'passage');
        this.discoveredDimensions = probe?.length ?? null;
        loaded = { ...loaded, profile: { ...profile, dimensions: this.discoveredDimensions } };
      }
    } catch (error) {
      throw this.unavailable(`the files in ${this.modelDir} did not load (${describeModelFailure(error)})`, error);
    }
    this.loaded = loaded;
    return loaded;
  }

  private unavailable(reason: string, cause: unknown): ModelUnavailableError {
    return new ModelUnavailableError(this.model, reason, { cause, modelDir: this.modelDir });
  }
}
