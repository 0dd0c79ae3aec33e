import path from 'node:path';
import type { EmbedKind, Embedder } from './embedder.js';
import { importTransformers } from './import-transformers.js';
import { ModelUnavailableError } from './model-unavailable-error.js';
import { modelProfile, type ModelProfile } from './model-profiles.js';
import { DownloadStalledError, withDownloadTimeout } from './with-download-timeout.js';

export interface TransformersEmbedderOptions {
  /** Hugging Face model id with ONNX weights, e.g. `Xenova/bge-small-zh-v1.5`. */
  model: string;
  /** Where downloaded models are cached; a model folder copied to `<cacheDir>/<model>` is used as is. */
  cacheDir: string;
  /** A download that sends nothing for this long fails (see `withDownloadTimeout`). */
  downloadTimeoutMs: number;
  /** Overrides the settings looked up in `MODEL_PROFILES`. */
  profile?: ModelProfile;
}

/** The pipeline call this embedder uses; transformers.js returns a Tensor of [texts, dimensions]. */
type FeatureExtractor = (texts: string[], options: { pooling: 'cls' | 'mean'; normalize: boolean }) => Promise<{ data: ArrayLike<number>; dims: number[] }>;

/**
 * Embedder running a sentence-embedding model locally with transformers.js (ONNX, quantized).
 * The model loads on the first `embed`, or up front with `load()`; the first load downloads it
 * from the Hugging Face hub into `cacheDir`, later loads read the cache (no network needed).
 * Failures become `ModelUnavailableError`, which says how to fix them.
 */
export class TransformersEmbedder implements Embedder {
  /** Model + pooling, recorded in the index manifest. */
  readonly id: string;
  readonly model: string;
  readonly maxBatchSize: number;
  readonly maxInputChars: number;
  readonly semantic = true;
  private readonly profile: ModelProfile;
  private readonly cacheDir: string;
  private readonly downloadTimeoutMs: number;
  private discoveredDimensions: number | null = null;
  private extractor: Promise<FeatureExtractor> | null = null;

  constructor(options: TransformersEmbedderOptions) {
    this.model = options.model;
    this.profile = options.profile ?? modelProfile(options.model);
    this.cacheDir = options.cacheDir;
    this.downloadTimeoutMs = options.downloadTimeoutMs;
    this.id = `${options.model}:${this.profile.pooling}`;
    this.maxBatchSize = this.profile.maxBatchSize;
    this.maxInputChars = this.profile.maxInputChars;
  }

  /** Known from the model profile; for other models only after `load()`, and throws before. */
  get dimensions(): number {
    const dimensions = this.profile.dimensions ?? this.discoveredDimensions;
    if (dimensions === null) {
      throw new Error(`the dimensions of embedding model "${this.model}" are known only once it is loaded: await load() first (createLoadedEmbedder does)`);
    }
    return dimensions;
  }

  /** Whether `dimensions` can be read without loading the model. */
  get dimensionsKnown(): boolean {
    return (this.profile.dimensions ?? this.discoveredDimensions) !== null;
  }

  /** Loads (downloading when not cached) the model; safe to call more than once. */
  async load(): Promise<void> {
    await this.loadedExtractor();
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    if (texts.length > this.maxBatchSize) throw new RangeError(`embed takes at most ${this.maxBatchSize} texts, got ${texts.length}`);
    if (texts.length === 0) return [];
    const extractor = await this.loadedExtractor();
    const prefix = kind === 'query' ? this.profile.queryPrefix : this.profile.passagePrefix;
    const inputs = texts.map((text) => prefix + text.slice(0, this.maxInputChars));
    const output = await extractor(inputs, { pooling: this.profile.pooling, normalize: this.profile.normalize });
    const width = output.dims.at(-1) ?? 0;
    if (width !== this.dimensions) throw new Error(`embedding model "${this.model}" returned ${width} dimensions, expected ${this.dimensions}`);
    return texts.map((_, row) => normalized(Float32Array.from(Array.prototype.slice.call(output.data, row * width, (row + 1) * width) as number[])));
  }

  private loadedExtractor(): Promise<FeatureExtractor> {
    this.extractor ??= this.createExtractor().catch((error: unknown) => {
      // Let a later call try again (the network may come back).
      this.extractor = null;
      throw error;
    });
    return this.extractor;
  }

  private async createExtractor(): Promise<FeatureExtractor> {
    let transformers;
    try {
      transformers = await importTransformers();
    } catch (error) {
      throw this.unavailable(`the @xenova/transformers package failed to load (${describe(error)})`, error);
    }
    const { env, pipeline } = transformers;
    env.cacheDir = this.cacheDir;
    // Same layout as the cache (<dir>/<owner>/<model>/...), so a copied model folder is found.
    env.localModelPath = this.cacheDir;
    env.allowLocalModels = true;
    env.allowRemoteModels = true;
    env.useFSCache = true;
    let extractor: FeatureExtractor;
    try {
      const loaded = await withDownloadTimeout(env.remoteHost, this.downloadTimeoutMs, () =>
        pipeline('feature-extraction', this.model, { quantized: true }),
      );
      extractor = loaded as unknown as FeatureExtractor;
    } catch (error) {
      throw this.unavailable(describe(error), error);
    }
    if (this.profile.dimensions === null) {
      const probe = await extractor(['test'], { pooling: this.profile.pooling, normalize: this.profile.normalize });
      this.discoveredDimensions = probe.dims.at(-1) ?? null;
    }
    return extractor;
  }

  private unavailable(reason: string, cause: unknown): ModelUnavailableError {
    return new ModelUnavailableError(this.model, reason, { cause, modelDir: path.join(this.cacheDir, this.model) });
  }
}

/** A short reason for the error message: the network cause when there is one. */
function describe(error: unknown): string {
  if (error instanceof DownloadStalledError) return `${error.message} (is huggingface.co reachable from here?)`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause.message : null;
    if (error.message === 'fetch failed' && cause) return `network error (${cause})`;
    return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
  }
  return String(error);
}

function normalized(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm > 0 && Math.abs(norm - 1) > 1e-6) {
    const scale = 1 / Math.sqrt(norm);
    for (let index = 0; index < vector.length; index += 1) vector[index]! *= scale;
  }
  return vector;
}
