import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeForMatching } from '../shared/normalize-text.js';

let jieba: Jieba | null = null;

/** Normalizes and cuts text with jieba, with each word's part-of-speech tag (n noun, v verb, nr name…). */
export function tagWords(text: string): { word: string; tag: string }[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.tag(normalizeForMatching(text), true);
}
