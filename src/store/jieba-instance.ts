import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let instance: Jieba | null = null;

/** The shared jieba segmenter with the default dictionary, loaded (~150 ms) on first use. */
export function jiebaInstance(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}
