import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let instance: Jieba | null = null;

/** The one jieba segmenter of the process; its dictionary (~150 ms, tens of MB) loads on first use. */
export function jieba(): Jieba {
  instance ??= Jieba.withDict(dict);
  return instance;
}
