import type { QuantityBound } from './quantity.js';

/** Words written before a number that bound it, longest first. */
const PREFIX_BOUNDS: readonly (readonly [string, QuantityBound])[] = [
  ['不少于', 'atLeast'],
  ['不低于', 'atLeast'],
  ['不超过', 'atMost'],
  ['超过', 'atLeast'],
  ['超出', 'atLeast'],
  ['突破', 'atLeast'],
  ['多于', 'atLeast'],
  ['高于', 'atLeast'],
  ['至少', 'atLeast'],
  ['将近', 'atMost'],
  ['接近', 'atMost'],
  ['不到', 'atMost'],
  ['不足', 'atMost'],
  ['少于', 'atMost'],
  ['低于', 'atMost'],
  ['最多', 'atMost'],
  ['大约', 'about'],
  ['大概', 'about'],
  ['超', 'atLeast'],
  ['逾', 'atLeast'],
  ['近', 'atMost'],
  ['约', 'about'],
];

/** Words written after the unit that bound the number. */
export const SUFFIX_BOUNDS: readonly (readonly [string, QuantityBound])[] = [
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['以内', 'atMost'],
  ['左右', 'about'],
];

/** The bounding word just before `start` (超1800, 近千), with where it starts; 最近 and 附近 are not 近. */
export function readPrefixBound(text: string, start: number): { bound: QuantityBound; start: number } | null {
  for (const [word, bound] of PREFIX_BOUNDS) {
    const wordStart = start - word.length;
    if (wordStart < 0 || !text.startsWith(word, wordStart)) continue;
    if (word === '近' && /[最附临]/.test(text[wordStart - 1] ?? '')) continue;
    return { bound, start: wordStart };
  }
  return null;
}
