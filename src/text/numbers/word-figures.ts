// Figures written as words rather than numerals followed by a unit.
import { readPrefixBound } from './bound-words.js';
import { parseChineseNumber } from './parse-chinese-number.js';
import type { Quantity } from './quantity.js';

const FIRST_OF = /首(位|家|例|批|个|次|届)/g;
const PERCENT_WORDS = /百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?)/g;

/** 首位, 首家, 首例: the first, an ordinal 1. */
export function findFirstOf(text: string): Quantity[] {
  return [...text.matchAll(FIRST_OF)].map((match) => ({
    raw: '',
    value: 1,
    unit: match[1] ?? null,
    kind: 'ordinal' as const,
    bound: 'exact' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** 百分之五 → 5%, 百分之三点五 → 3.5%. */
export function findPercentWords(text: string): Quantity[] {
  const quantities: Quantity[] = [];
  for (const match of text.matchAll(PERCENT_WORDS)) {
    const [whole = '', fractionalPart = ''] = (match[1] ?? '').split('点');
    const integer = parseChineseNumber(whole);
    if (integer === null) continue;
    const decimals = [...fractionalPart].map((character) => parseChineseNumber(character) ?? 0).join('');
    const value = decimals ? Number(`${integer}.${decimals}`) : integer;
    const prefix = readPrefixBound(text, match.index);
    quantities.push({
      raw: '',
      value,
      unit: '%',
      kind: 'percent',
      bound: prefix?.bound ?? 'exact',
      start: prefix?.start ?? match.index,
      end: match.index + match[0].length,
    });
  }
  return quantities;
}
