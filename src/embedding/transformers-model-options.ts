import type { ModelPrecision } from './model-files.js';

/** Where a transformers.js model comes from and how it runs: what the embedder and the reranker share. */
export interface TransformersModelOptions {
  /** Hugging Face model id with ONNX weights, e.g. `Xenova/bge-small-zh-v1.5`. */
  model: string;
  /** Where downloaded models are cached; a model folder copied to `<cacheDir>/<model>` is used as is. */
  cacheDir: string;
  /** A download that sends nothing for this long fails (see `withDownloadTimeout`). */
  downloadTimeoutMs: number;
  /** Branch, tag or commit of the model repository. Default `TRANSFORMERS_MODEL_DEFAULTS.revision`. */
  revision?: string;
  /** Which weights to load. Default `TRANSFORMERS_MODEL_DEFAULTS.precision`. */
  precision?: ModelPrecision;
  /** Hub or mirror the files come from. Default `TRANSFORMERS_MODEL_DEFAULTS.endpoint`. */
  endpoint?: string;
  /** Never download: a file missing from the cache fails at once. Default false. */
  offline?: boolean;
  /** Bearer token for the downloads (HF_TOKEN), for gated or private models. Default none. */
  token?: string | null;
  /**
   * onnxruntime intra-op threads for one model call (EMBEDDING_THREADS). Default null: onnxruntime's
   * own choice, one per core. Set 1 when several model processes share a machine.
   */
  threads?: number | null;
}

/** Defaults of `TransformersModelOptions` (the CLI passes the configured values instead). */
export const TRANSFORMERS_MODEL_DEFAULTS = {
  /** `main`, the repository's default branch. */
  revision: 'main',
  /** `auto`: quantized weights when the cache or the hub has them, else full precision. */
  precision: 'auto',
  /** `https://huggingface.co`, the Hugging Face hub. */
  endpoint: 'https://huggingface.co',
} as const;
