/** Finds the figures in Chinese news text: counts, money, percentages, ordinals, dates and measures. */
import { CHINESE_NUMERAL_CHARACTERS, parseChineseNumber, toHalfWidthDigits } from './parse-chinese-number.js';
import type { Quantity, QuantityBound } from './quantity.js';
import { ORDINAL_UNITS, UNIT_NAMES, lookUpUnit } from './units.js';

export type { DateParts, Quantity, QuantityBound, QuantityKind } from './quantity.js';
export { sameQuantity } from './same-quantity.js';

const NUMERAL = new RegExp(`\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARACTERS}]+`, 'g');
const BLANKS = /^[ \t\r\n\u3000]*/;

/** Words written before a number that bound it, longest first. */
const PREFIX_BOUNDS: readonly (readonly [string, QuantityBound])[] = [
  ['不少于', 'atLeast'], ['不低于', 'atLeast'], ['不超过', 'atMost'], ['超过', 'atLeast'], ['超出', 'atLeast'],
  ['突破', 'atLeast'], ['多于', 'atLeast'], ['高于', 'atLeast'], ['至少', 'atLeast'], ['将近', 'atMost'],
  ['接近', 'atMost'], ['不到', 'atMost'], ['不足', 'atMost'], ['少于', 'atMost'], ['低于', 'atMost'],
  ['最多', 'atMost'], ['大约', 'about'], ['大概', 'about'], ['超', 'atLeast'], ['逾', 'atLeast'],
  ['近', 'atMost'], ['约', 'about'],
];
/** Words written after the unit that bound the number. */
const SUFFIX_BOUNDS: readonly (readonly [string, QuantityBound])[] = [
  ['以上', 'atLeast'], ['以下', 'atMost'], ['以内', 'atMost'], ['左右', 'about'],
];
const RANGE_SEPARATOR = /^(?:——|[—–\-~～到至])$/;
const FIRST_OF = /首(位|家|例|批|个|次|届)/g;
const PERCENT_WORDS = /百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?)/g;

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

interface Numeral {
  value: number;
  arabic: boolean;
  end: number;
}

function readQuantity(text: string, start: number, numeralText: string): Quantity | null {
  const arabic = /^\d/.test(numeralText);
  const rawValue = parseChineseNumber(numeralText);
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
  value = round(value * factor);
  return {
    raw: '',
    value,
    unit: unit?.unit ?? null,
    kind: unit?.kind ?? 'plain',
    bound,
    start: prefix ? prefix.start : start,
    end: position,
    ...(step !== undefined ? { step: round(step * factor) } : {}),
  };
}

function readPrefixBound(text: string, start: number): { bound: QuantityBound; start: number } | null {
  for (const [word, bound] of PREFIX_BOUNDS) {
    const wordStart = start - word.length;
    if (wordStart < 0 || !text.startsWith(word, wordStart)) continue;
    if (word === '近' && /[最附临]/.test(text[wordStart - 1] ?? '')) continue;
    return { bound, start: wordStart };
  }
  return null;
}

function readOrdinal(text: string, ordinalStart: number, numeral: Numeral): Quantity {
  const unitName = ORDINAL_UNITS.find((name) => text.startsWith(name, numeral.end)) ?? null;
  const end = numeral.end + (unitName?.length ?? 0);
  const unit = unitName === '名' ? '位' : unitName;
  return { raw: '', value: numeral.value, unit, kind: 'ordinal', bound: 'exact', start: ordinalStart, end };
}

/** 2025年2月, 4月22日, 2030年, 22日: dates by their written parts. */
function readDate(text: string, start: number, numeral: Numeral): Quantity | null {
  const afterNumber = text[numeral.end];
  const isYear = afterNumber === '年' && numeral.value >= 1900 && numeral.value <= 2100 && Number.isInteger(numeral.value) && (numeral.arabic || /〇|零/.test(text.slice(start, numeral.end)));
  const isMonth = afterNumber === '月' && text[start - 1] !== '个' && isIntegerBetween(numeral.value, 1, 12);
  const isDay = (afterNumber === '日' || afterNumber === '号') && isIntegerBetween(numeral.value, 1, 31) && !/^[内间元]/.test(text.slice(numeral.end + 1));
  if (!isYear && !isMonth && !isDay) return null;
  const date: { year?: number; month?: number; day?: number } = {};
  let position = numeral.end + 1;
  if (isYear) {
    date.year = numeral.value;
    const month = readDatePart(text, position, '月', 12);
    if (month) {
      date.month = month.value;
      position = month.end;
      const day = readDatePart(text, position, '日号', 31);
      if (day) {
        date.day = day.value;
        position = day.end;
      }
    }
  } else if (isMonth) {
    date.month = numeral.value;
    const day = readDatePart(text, position, '日号', 31);
    if (day) {
      date.day = day.value;
      position = day.end;
    }
  } else {
    date.day = numeral.value;
  }
  const value = (date.year ?? 0) * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0);
  return { raw: '', value, unit: 'date', kind: 'date', bound: 'exact', start, end: position, date };
}

function readDatePart(text: string, position: number, markers: string, maximum: number): { value: number; end: number } | null {
  const match = new RegExp(`^(\\d{1,2}|[${CHINESE_NUMERAL_CHARACTERS}]{1,3})[${markers}]`).exec(text.slice(position));
  if (!match?.[1]) return null;
  const value = parseChineseNumber(match[1]);
  if (value === null || !isIntegerBetween(value, 1, maximum)) return null;
  return { value, end: position + match[0].length };
}

/** 首位, 首家, 首例: the first, an ordinal 1. */
function findFirstOf(text: string): Quantity[] {
  return [...text.matchAll(FIRST_OF)].map((match) => ({
    raw: '', value: 1, unit: match[1] === '名' ? '位' : (match[1] ?? null), kind: 'ordinal' as const, bound: 'exact' as const,
    start: match.index, end: match.index + match[0].length,
  }));
}

/** 百分之五 → 5%. */
function findPercentWords(text: string): Quantity[] {
  const quantities: Quantity[] = [];
  for (const match of text.matchAll(PERCENT_WORDS)) {
    const [whole = '', fractionalPart = ''] = (match[1] ?? '').split('点');
    const integer = parseChineseNumber(whole);
    if (integer === null) continue;
    const decimals = [...fractionalPart].map((character) => parseChineseNumber(character) ?? 0).join('');
    const value = decimals ? Number(`${integer}.${decimals}`) : integer;
    const prefix = readPrefixBound(text, match.index);
    quantities.push({
      raw: '', value, unit: '%', kind: 'percent', bound: prefix?.bound ?? 'exact',
      start: prefix?.start ?? match.index, end: match.index + match[0].length,
    });
  }
  return quantities;
}

/** 4—6公斤, 3到4公斤: a unitless number joined to the next quantity becomes a range in that unit. */
function mergeRanges(text: string, quantities: Quantity[]): Quantity[] {
  const merged: Quantity[] = [];
  for (const quantity of quantities) {
    const previous = merged[merged.length - 1];
    const between = previous ? text.slice(previous.end, quantity.start) : '';
    const bare = previous !== undefined && previous.kind === 'plain' && previous.bound === 'exact';
    if (previous && bare && quantity.kind !== 'plain' && quantity.kind !== 'date' && quantity.kind !== 'ordinal' && RANGE_SEPARATOR.test(between)) {
      const ownValue = parseChineseNumber(text.slice(quantity.start, quantity.end).match(NUMBER_AT_START)?.[0] ?? '') ?? 0;
      const factor = ownValue === 0 ? 1 : quantity.value / ownValue;
      merged[merged.length - 1] = { ...quantity, value: round(previous.value * factor), upper: quantity.value, start: previous.start };
      continue;
    }
    merged.push(quantity);
  }
  return merged;
}

const NUMBER_AT_START = new RegExp(`^(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARACTERS}]+)`);

/** 2600余 → 100 (the figure lies in [2600, 2700)); 230多 → 10; 5多 → 1; 1.5多 → 0.1. */
function approximationStep(value: number): number {
  if (!Number.isInteger(value)) {
    const decimals = String(value).split('.')[1]?.length ?? 1;
    return 10 ** -decimals;
  }
  let step = 1;
  while (value >= step * 10 && value % (step * 10) === 0) step *= 10;
  return step;
}

function isIntegerBetween(value: number, low: number, high: number): boolean {
  return Number.isInteger(value) && value >= low && value <= high;
}

function round(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
