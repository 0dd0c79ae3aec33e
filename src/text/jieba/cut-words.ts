import { jieba } from './jieba.js';
import { normalizeForMatching } from '../normalize-text.js';

/**
 * Normalizes text for matching (`normalizeForMatching`) and cuts it with jieba (precise mode,
 * HMM on for unknown words). Every token is returned, punctuation and spaces included.
 */
export function cutWords(text: string): string[] {
  return jieba().cut(normalizeForMatching(text), true);
}
