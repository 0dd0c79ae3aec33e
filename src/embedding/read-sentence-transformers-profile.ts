import fs from 'node:fs';
import path from 'node:path';
import type { ModelProfile } from './model-profiles.js';

/**
 * The profile of a model outside `MODEL_PROFILES`, from the settings sentence-transformers keeps
 * beside the weights: `1_Pooling/config.json` (`pooling_mode_cls_token`, `pooling_mode_mean_tokens`,
 * `word_embedding_dimension`) and `config_sentence_transformers.json` (`prompts.query`, and
 * `prompts.passage` or `prompts.document`). What a file does not say keeps `base`'s value.
 */
export function readSentenceTransformersProfile(modelDir: string, base: ModelProfile): ModelProfile {
  const pooling = readJson(path.join(modelDir, '1_Pooling', 'config.json'));
  const settings = readJson(path.join(modelDir, 'config_sentence_transformers.json'));
  const prompts = (settings?.prompts ?? {}) as Record<string, unknown>;
  const dimensions = pooling?.word_embedding_dimension;
  return {
    ...base,
    pooling: pooling?.pooling_mode_cls_token === true ? 'cls' : pooling?.pooling_mode_mean_tokens === true ? 'mean' : base.pooling,
    dimensions: typeof dimensions === 'number' && Number.isInteger(dimensions) && dimensions > 0 ? dimensions : base.dimensions,
    queryPrefix: typeof prompts.query === 'string' ? prompts.query : base.queryPrefix,
    passagePrefix: typeof prompts.passage === 'string' ? prompts.passage : typeof prompts.document === 'string' ? prompts.document : base.passagePrefix,
  };
}

function readJson(file: string): Record<string, unknown> | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}
