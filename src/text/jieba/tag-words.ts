import { jieba } from './jieba.js';
import { normalizeForMatching } from '../normalize-text.js';

/** Normalizes and cuts text with jieba, with each word's part-of-speech tag (n noun, v verb, nr name…). */
export function tagWords(text: string): { word: string; tag: string }[] {
  return jieba().tag(normalizeForMatching(text), true);
}
