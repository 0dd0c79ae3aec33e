import { jieba } from './jieba/jieba.js';
import { memoByText } from './memo-by-text.js';

/** Lines whose word boundaries were computed lately: a question's sentences and articles are matched many times. */
const CACHE_LIMIT = 4096;

/** The offsets where jieba puts a word boundary in a line (remembered for the lines seen lately). */
const wordBoundaries = memoByText((text): ReadonlySet<number> => {
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const word of jieba().cut(text, true)) {
    offset += word.length;
    boundaries.add(offset);
  }
  return boundaries;
}, CACHE_LIMIT);

/**
 * Whether `text` holds `word` as a word rather than across two words: an occurrence counts when it starts
 * or ends on one of jieba's word boundaries (株洲 in 株洲市, 大桥 in 湘江大桥), and not when it begins
 * inside one word and ends inside the next (市长 in 城市|长廊). Both texts are expected folded alike.
 */
export function containsWord(text: string, word: string): boolean {
  let position = text.indexOf(word);
  if (position < 0) return false;
  if (word.length < 2) return true;
  while (position >= 0) {
    if (isWordBoundary(text, position) || isWordBoundary(text, position + word.length)) return true;
    position = text.indexOf(word, position + 1);
  }
  return false;
}

/**
 * Whether jieba, cutting `text`, puts a word boundary at `offset`. jieba cuts a line break off as a word of its
 * own and segments the runs between separately, so the boundaries of a text of several lines are those of its
 * lines: each line is cut once however many texts it is part of (an article, its title with the article, a
 * paragraph's sentences joined). A carriage return before a line break joins it (\r\n is one word), so a text
 * holding one is cut whole.
 */
function isWordBoundary(text: string, offset: number): boolean {
  if (text.includes('\r')) return wordBoundaries(text).has(offset);
  if (offset === 0 || offset === text.length || text[offset] === '\n' || text[offset - 1] === '\n') return true;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = lineStart === 0 && lineEnd < 0 ? text : text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  return wordBoundaries(line).has(offset - lineStart);
}
