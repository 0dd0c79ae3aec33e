/** How one transformers.js model is run. Vectors are always L2-normalized (the `Embedder` contract). */
export interface ModelProfile {
  pooling: 'cls' | 'mean';
  /** Output size, or null to discover it from a first embedding. */
  dimensions: number | null;
  /** Prepended to queries (not passages), as the model was trained. */
  queryPrefix: string;
  passagePrefix: string;
  /**
   * Characters callers pass at most (about the token limit, in characters of Chinese text). The
   * tokenizer still truncates by tokens at `model_max_length`, counting the instruction prefix.
   */
  maxInputChars: number;
  /** Texts a caller may hand over in one `embed` call. */
  maxBatchSize: number;
  /** Texts per model call (`TEXTS_PER_MODEL_CALL` for every model here). */
  textsPerCall: number;
}

/**
 * Texts per model call: 1, as measured (`npm run bench:embedding-batch`, docs/performance.md). A call pads its texts to
 * the longest and attends over every position of each, so on a CPU one text a call embeds 400-character chunks fastest
 * with one onnxruntime thread, the setting an archive is embedded with (one process per core): a third faster than 32
 * texts a call (int8, bge-small-zh's shape); with two threads a whole ingest took as long with 1 as with 4.
 */
export const TEXTS_PER_MODEL_CALL = 1;

/**
 * Settings for models not in `MODEL_PROFILES`: the common sentence-transformers recipe, under
 * what the model's own sentence-transformers files say (`readSentenceTransformersProfile`).
 */
export const DEFAULT_MODEL_PROFILE: ModelProfile = {
  pooling: 'mean',
  dimensions: null,
  queryPrefix: '',
  passagePrefix: '',
  maxInputChars: 500,
  maxBatchSize: 32,
  textsPerCall: TEXTS_PER_MODEL_CALL,
};

/** Known models, by Hugging Face id, from their model cards. */
export const MODEL_PROFILES: Readonly<Record<string, ModelProfile>> = {
  'Xenova/bge-small-zh-v1.5': {
    pooling: 'cls',
    dimensions: 512,
    queryPrefix: '为这个句子生成表示以用于检索相关文章：',
    passagePrefix: '',
    // 512 tokens; Chinese is about one token per character, minus the prefix and specials.
    maxInputChars: 500,
    maxBatchSize: 32,
    textsPerCall: TEXTS_PER_MODEL_CALL,
  },
  'Xenova/bge-base-zh-v1.5': {
    pooling: 'cls',
    dimensions: 768,
    queryPrefix: '为这个句子生成表示以用于检索相关文章：',
    passagePrefix: '',
    maxInputChars: 500,
    maxBatchSize: 16,
    textsPerCall: TEXTS_PER_MODEL_CALL,
  },
  'Xenova/multilingual-e5-small': {
    pooling: 'mean',
    dimensions: 384,
    queryPrefix: 'query: ',
    passagePrefix: 'passage: ',
    maxInputChars: 500,
    maxBatchSize: 32,
    textsPerCall: TEXTS_PER_MODEL_CALL,
  },
};
