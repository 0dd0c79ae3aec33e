import { createHash } from 'node:crypto';

/** The settings of a transformers.js embedder that change its vectors. */
export interface EmbedderIdParts {
  model: string;
  revision: string;
  precision: 'quantized' | 'full';
  pooling: 'cls' | 'mean';
  queryPrefix: string;
  passagePrefix: string;
}

/**
 * The id recorded in the index manifest: every setting that changes the vectors, so changing
 * one makes the store ask for `newsbot reindex`. Instructions appear as short hashes, e.g.
 * `Xenova/bge-small-zh-v1.5@main:quantized:cls:query-1a2b3c4d`.
 */
export function embedderId(parts: EmbedderIdParts): string {
  const instructions: string[] = [];
  if (parts.queryPrefix) instructions.push(`query-${shortHash(parts.queryPrefix)}`);
  if (parts.passagePrefix) instructions.push(`passage-${shortHash(parts.passagePrefix)}`);
  return [`${parts.model}@${parts.revision}`, parts.precision, parts.pooling, ...instructions].join(':');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
