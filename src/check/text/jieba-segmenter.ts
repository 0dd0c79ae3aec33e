import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let segmenter: Jieba | null = null;

/** jieba with its default dictionary, loaded (about 150 ms) on first use. */
export function jiebaSegmenter(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}
