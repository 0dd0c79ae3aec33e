import { jieba } from './jieba.js';
import { memoByText } from '../memo-by-text.js';
import { isSeparator } from './is-separator.js';

/**
 * Runs whose word boundaries were computed lately: a question's sentences and articles are matched many times, and a
 * run (the text between two punctuation marks) is short, so many are kept.
 */
const CACHE_LIMIT = 16_384;

/** The offsets where jieba puts a word boundary in a text (remembered for the texts cut lately). */
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
 * Whether jieba, cutting `text`, puts a word boundary at `offset`. jieba makes each punctuation mark, space and line
 * break a word of its own and segments the runs between them separately (`isSeparator`), so an offset next to one is
 * a boundary without cutting anything, and any other is looked up in the cut of its run alone: each run is cut once
 * however many texts hold it (an article, its title with the article, a paragraph's sentences joined). A carriage
 * return before a line break joins it (\r\n is one word), so a text holding one is cut whole.
 */
export function isWordBoundary(text: string, offset: number): boolean {
  if (text.includes('\r')) return wordBoundaries(text).has(offset);
  if (offset <= 0 || offset >= text.length) return true;
  if (isSeparator(text.charCodeAt(offset - 1)) || isSeparator(text.charCodeAt(offset))) return true;
  let start = offset - 1;
  while (start > 0 && !isSeparator(text.charCodeAt(start - 1))) start -= 1;
  let end = offset + 1;
  while (end < text.length && !isSeparator(text.charCodeAt(end))) end += 1;
  return wordBoundaries(text.slice(start, end)).has(offset - start);
}
