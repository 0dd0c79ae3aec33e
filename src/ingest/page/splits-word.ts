import { jieba } from '../../text/jieba/jieba.js';

/** How much context on each side of the break the segmenter sees. */
const CONTEXT = 6;

/**
 * True when putting `left` and `right` together makes a word straddle the seam ("…外国语学" + "校和…"
 * → 学校): then the break is a layout accident inside a sentence, not the end of a header line.
 * Letters or digits meeting letters or digits count as one word.
 */
export function splitsWord(left: string, right: string): boolean {
  const tail = left.trimEnd().slice(-CONTEXT);
  const head = right.trimStart().slice(0, CONTEXT);
  const last = tail.at(-1);
  const first = head.at(0);
  if (last === undefined || first === undefined) return false;
  if (/[A-Za-z0-9]/.test(last) && /[A-Za-z0-9]/.test(first)) return true;
  if (!/\p{Script=Han}/u.test(last) || !/\p{Script=Han}/u.test(first)) return false;
  // jieba loads on first use: the dictionary costs ~200 ms and most pages never need it.
  let offset = 0;
  for (const token of jieba().cut(tail + head, false)) {
    const end = offset + token.length;
    if (offset < tail.length && end > tail.length) return true;
    offset = end;
  }
  return false;
}
