/** Finds the figures in Chinese news text: counts, money, percentages, ordinals, dates and measures. */
import { SUFFIX_BOUNDS, readPrefixBound } from './bound-words.js';
import { mergeRanges } from './merge-ranges.js';
import { CHINESE_NUMERAL_CHARACTERS, parseChineseNumber, toHalfWidthDigits } from './parse-chinese-number.js';
import type { Quantity, QuantityBound } from './quantity.js';
import { readDate, type Numeral } from './read-date.js';
import { roundFigure } from './round-figure.js';
import { ORDINAL_UNITS, UNIT_NAMES, lookUpUnit } from './units.js';
import { findFirstOf, findPercentWords } from './word-figures.js';

export type { DateParts, Quantity, QuantityBound, QuantityKind } from './quantity.js';
export { sameQuantity } from './same-quantity.js';

const NUMERAL = new RegExp(`\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARACTERS}]+`, 'g');
const BLANKS = /^[ \t\r\n\u3000]*/;

/**
 * Every quantity in `text`, in order of appearance. Chinese numerals count only with a unit,
 * an ordinal 第 or a percent 百分之 (so 一线城市 and “十五五” are not figures); Arabic numbers
 * without a unit come out as kind `plain`. Offsets index the original text.
 */
export function extractQuantities(text: string): Quantity[] {
  const normalized = toHalfWidthDigits(text);
  const found: Quantity[] = [...findFirstOf(normalized), ...findPercentWords(normalized)];
  const taken = (position: number) => found.some((quantity) => position >= quantity.start && position < quantity.end);

  for (const match of normalized.matchAll(NUMERAL)) {
    const start = match.index;
    if (taken(start)) continue;
    const quantity = readQuantity(normalized, start, match[0]);
    if (quantity && !found.some((other) => quantity.start < other.end && other.start < quantity.end)) found.push(quantity);
  }
  found.sort((a, b) => a.start - b.start);
  return mergeRanges(normalized, found).map((quantity) => ({ ...quantity, raw: text.slice(quantity.start, quantity.end) }));
}

function readQuantity(text: string, start: number, numeralText: string): Quantity | null {
  const arabic = /^\d/.test(numeralText);
  const rawValue = parseChineseNumber(numeralText) ?? bareScale(text, start, numeralText);
  if (rawValue === null) return null;
  const numeral: Numeral = { value: rawValue, arabic, end: start + numeralText.length };

  const date = readDate(text, start, numeral);
  if (date) return date;
  if (text[start - 1] === '第') return readOrdinal(text, start - 1, numeral);

  let position = numeral.end;
  let value = numeral.value;
  let step: number | undefined;
  let bound: QuantityBound = 'exact';
  const approximate = /^[余多]/.exec(text.slice(position));
  if (approximate) {
    step = approximationStep(value);
    bound = 'atLeast';
    position += 1;
  }
  const scale = /^(?:[百千]?(?:万亿|[万亿])|[百千])/.exec(text.slice(position));
  let multiplier = 1;
  if (scale && (arabic || approximate)) {
    multiplier = parseChineseNumber(`1${scale[0]}`) ?? 1;
    position += scale[0].length;
  }
  const blanks = BLANKS.exec(text.slice(position))?.[0].length ?? 0;
  const unitName = UNIT_NAMES.find((name) => text.startsWith(name, position + blanks));
  if (!unitName && !arabic) return null;
  const unit = unitName ? lookUpUnit(unitName) : null;
  if (unitName) position += blanks + unitName.length;
  if (!approximate && unit?.kind === 'measure' && /^[余多](?![少])/.exec(text.slice(position))) {
    step = approximationStep(value);
    bound = 'atLeast';
    position += 1;
  }
  const suffix = SUFFIX_BOUNDS.find(([word]) => text.startsWith(word, position));
  if (suffix) {
    bound = suffix[1];
    position += suffix[0].length;
  }
  const prefix = readPrefixBound(text, start);
  if (prefix && bound === 'exact') bound = prefix.bound;
  const factor = multiplier * (unit?.factor ?? 1);
  value = roundFigure(value * factor);
  return {
    raw: '',
    value,
    unit: unit?.unit ?? null,
    kind: unit?.kind ?? 'plain',
    bound,
    start: prefix ? prefix.start : start,
    end: position,
    ...(step !== undefined ? { step: roundFigure(step * factor) } : {}),
  };
}

/** 近万名, 上万人, 万余人: a bare 万 or 亿 counts as one of it after an approximating word or before 余/多. */
function bareScale(text: string, start: number, numeralText: string): number | null {
  if (numeralText !== '万' && numeralText !== '亿') return null;
  const approximated = /[近上逾超约]/.test(text[start - 1] ?? '') || /[余多]/.test(text[start + 1] ?? '');
  return approximated ? (numeralText === '万' ? 1e4 : 1e8) : null;
}

/** A rank without a classifier ends its phrase (位列第一；居全省第二。); 第一人民医院 is a name. */
function readOrdinal(text: string, ordinalStart: number, numeral: Numeral): Quantity | null {
  const unitName = ORDINAL_UNITS.find((name) => text.startsWith(name, numeral.end)) ?? null;
  if (unitName === null && /\p{Script=Han}/u.test(text[numeral.end] ?? '')) return null;
  const end = numeral.end + (unitName?.length ?? 0);
  const unit = unitName === '名' ? '位' : unitName;
  return { raw: '', value: numeral.value, unit, kind: 'ordinal', bound: 'exact', start: ordinalStart, end };
}

/**
 * How far past the figure 余/多 reaches: 2600余 → 100 (2600 to 2700), 230多 → 10, 十多 → 10, 1000余 → 100,
 * 5多 → 1, 1.5多 → 0.1. The last written non-zero digit sets it, capped at the second digit for round figures.
 */
function approximationStep(value: number): number {
  if (!Number.isInteger(value)) {
    const decimals = String(value).split('.')[1]?.length ?? 1;
    return 10 ** -decimals;
  }
  let step = 1;
  while (value >= step * 10 && value % (step * 10) === 0) step *= 10;
  const secondDigit = Math.max(10, 10 ** (String(value).length - 2));
  return value >= 10 ? Math.min(step, secondDigit) : step;
}
