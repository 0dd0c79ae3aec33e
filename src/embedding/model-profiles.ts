/** How to run a transformers.js feature-extraction model for retrieval. */
export interface ModelProfile {
  pooling: 'cls' | 'mean';
  /** Prepended to queries (not passages), as the model card asks. */
  queryPrefix: string;
  passagePrefix: string;
  /** Known output size; null = discovered from a first embedding. */
  dimensions: number | null;
  /** Input characters the model sees (≈ tokens for Chinese). */
  maxInputChars: number;
}

/** Settings of the models we have tried; unknown models get `DEFAULT_PROFILE`. */
export const MODEL_PROFILES: Readonly<Record<string, ModelProfile>> = {
  'Xenova/bge-small-zh-v1.5': { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '', dimensions: 512, maxInputChars: 500 },
  'Xenova/bge-base-zh-v1.5': { pooling: 'cls', queryPrefix: '为这个句子生成表示以用于检索相关文章：', passagePrefix: '', dimensions: 768, maxInputChars: 500 },
  'Xenova/multilingual-e5-small': { pooling: 'mean', queryPrefix: 'query: ', passagePrefix: 'passage: ', dimensions: 384, maxInputChars: 500 },
  'Xenova/paraphrase-multilingual-MiniLM-L12-v2': { pooling: 'mean', queryPrefix: '', passagePrefix: '', dimensions: 384, maxInputChars: 250 },
};

export const DEFAULT_PROFILE: ModelProfile = { pooling: 'mean', queryPrefix: '', passagePrefix: '', dimensions: null, maxInputChars: 500 };

/** The profile for a model id. */
export function modelProfile(model: string): ModelProfile {
  return MODEL_PROFILES[model] ?? DEFAULT_PROFILE;
}
