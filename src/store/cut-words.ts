import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeForMatching } from '../shared/normalize-text.js';

let jieba: Jieba | null = null;

/**
 * Normalizes text for matching (`normalizeForMatching`) and cuts it with jieba (precise mode,
 * HMM on for unknown words). Every token is returned, punctuation and spaces included.
 * The dictionary loads (~150 ms) on first use.
 */
export function cutWords(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(normalizeForMatching(text), true);
}
