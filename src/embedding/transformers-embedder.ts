import type { Embedder, EmbedKind } from './embedder.js';
import { modelProfile, type ModelProfile } from './model-profiles.js';
import { ModelUnavailableError } from './model-unavailable-error.js';
import { fetchWithHeaderTimeout } from './fetch-with-header-timeout.js';

export interface TransformersEmbedderOptions {
  model: string;
  /** Where downloaded model files are cached (and looked for first). */
  cacheDir: string;
  /** How long to wait for the model server to answer before failing. */
  downloadTimeoutMs: number;
}

type FeatureExtractor = (texts: string[], options: { pooling: 'cls' | 'mean'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>;

/** Embeds with a transformers.js model run locally (ONNX); the model is downloaded once into the cache. */
export class TransformersEmbedder implements Embedder {
  readonly id: string;
  readonly maxBatchSize = 16;
  readonly semantic = true;
  readonly maxInputChars: number;
  private readonly profile: ModelProfile;
  private extractor: Promise<FeatureExtractor> | null = null;
  private knownDimensions: number | null;

  constructor(private readonly options: TransformersEmbedderOptions) {
    this.profile = modelProfile(options.model);
    this.id = `${options.model}#${this.profile.pooling}`;
    this.maxInputChars = this.profile.maxInputChars;
    this.knownDimensions = this.profile.dimensions;
  }

  get dimensions(): number {
    if (this.knownDimensions === null) throw new Error(`dimensions of ${this.options.model} are known only after load()`);
    return this.knownDimensions;
  }

  /** Loads (downloading on first use) the model; rejects with `ModelUnavailableError`. */
  async load(): Promise<void> {
    const extractor = await this.loadExtractor();
    if (this.knownDimensions === null) {
      const output = await extractor(['probe'], { pooling: this.profile.pooling, normalize: true });
      this.knownDimensions = output.dims.at(-1) ?? output.data.length;
    }
  }

  async embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const extractor = await this.loadExtractor();
    const prefix = kind === 'query' ? this.profile.queryPrefix : this.profile.passagePrefix;
    const output = await extractor(
      texts.map((text) => prefix + text.slice(0, this.maxInputChars)),
      { pooling: this.profile.pooling, normalize: true },
    );
    const size = output.dims.at(-1) ?? output.data.length / texts.length;
    return texts.map((_, index) => output.data.slice(index * size, (index + 1) * size));
  }

  private loadExtractor(): Promise<FeatureExtractor> {
    this.extractor ??= this.createExtractor().catch((error: unknown) => {
      this.extractor = null;
      throw error;
    });
    return this.extractor;
  }

  private async createExtractor(): Promise<FeatureExtractor> {
    const { model, cacheDir, downloadTimeoutMs } = this.options;
    let transformers: typeof import('@xenova/transformers');
    try {
      transformers = await import('@xenova/transformers');
    } catch (error) {
      throw new ModelUnavailableError(model, `the transformers.js runtime failed to load (${(error as Error).message})`, { cause: error });
    }
    transformers.env.cacheDir = cacheDir;
    transformers.env.localModelPath = cacheDir;
    transformers.env.allowLocalModels = true;
    transformers.env.allowRemoteModels = true;
    const originalFetch = globalThis.fetch;
    globalThis.fetch = fetchWithHeaderTimeout(originalFetch, downloadTimeoutMs);
    try {
      return (await transformers.pipeline('feature-extraction', model, { quantized: true })) as unknown as FeatureExtractor;
    } catch (error) {
      throw new ModelUnavailableError(model, describeFailure(error), { cause: error });
    } finally {
      globalThis.fetch = originalFetch;
    }
  }
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  if (/fetch failed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|no answer from|aborted/i.test(message + cause)) {
    return `the model is not in the local cache and the Hugging Face hub cannot be reached: ${message}${cause}`;
  }
  return `${message}${cause}`;
}
