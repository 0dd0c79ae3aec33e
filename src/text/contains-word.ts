import { jieba } from './jieba/jieba.js';

/** Texts whose word boundaries were computed lately: a question's candidate sentences are matched many times. */
const boundaryCache = new Map<string, ReadonlySet<number>>();
const CACHE_LIMIT = 4096;

/**
 * Whether `text` holds `word` as a word rather than across two words: an occurrence counts when it starts
 * or ends on one of jieba's word boundaries (株洲 in 株洲市, 大桥 in 湘江大桥), and not when it begins
 * inside one word and ends inside the next (市长 in 城市|长廊). Both texts are expected folded alike.
 */
export function containsWord(text: string, word: string): boolean {
  let position = text.indexOf(word);
  if (position < 0) return false;
  if (word.length < 2) return true;
  const boundaries = wordBoundaries(text);
  while (position >= 0) {
    if (boundaries.has(position) || boundaries.has(position + word.length)) return true;
    position = text.indexOf(word, position + 1);
  }
  return false;
}

function wordBoundaries(text: string): ReadonlySet<number> {
  const cached = boundaryCache.get(text);
  if (cached) return cached;
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const word of jieba().cut(text, true)) {
    offset += word.length;
    boundaries.add(offset);
  }
  if (boundaryCache.size >= CACHE_LIMIT) boundaryCache.clear();
  boundaryCache.set(text, boundaries);
  return boundaries;
}
