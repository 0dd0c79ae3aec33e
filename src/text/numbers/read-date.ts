import { CHINESE_NUMERAL_CHARACTERS, parseChineseNumber } from './parse-chinese-number.js';
import type { DateParts, Quantity } from './quantity.js';

/** A numeral found in text: its value, whether written in Arabic digits, and where it ends. */
export interface Numeral {
  value: number;
  arabic: boolean;
  end: number;
}

/**
 * The date starting with the numeral at `start`, by its written parts: 2025年2月, 4月22日, 2030年, 22日.
 * A year needs four digits (2025年, 二〇二五年; 11年 is a span); a month is not 3个月.
 */
export function readDate(text: string, start: number, numeral: Numeral): Quantity | null {
  const afterNumber = text[numeral.end];
  const yearDigits = numeral.arabic || /〇|零/.test(text.slice(start, numeral.end));
  const isYear = afterNumber === '年' && isIntegerBetween(numeral.value, 1900, 2100) && yearDigits;
  const isMonth = afterNumber === '月' && text[start - 1] !== '个' && isIntegerBetween(numeral.value, 1, 12);
  const isDay = (afterNumber === '日' || afterNumber === '号') && isIntegerBetween(numeral.value, 1, 31) && !/^[内间元]/.test(text.slice(numeral.end + 1));
  if (!isYear && !isMonth && !isDay) return null;
  const date: DateParts = {};
  let position = numeral.end + 1;
  const readDay = () => {
    const day = readDatePart(text, position, '日号', 31);
    if (!day) return;
    date.day = day.value;
    position = day.end;
  };
  if (isYear) {
    date.year = numeral.value;
    const month = readDatePart(text, position, '月', 12);
    if (month) {
      date.month = month.value;
      position = month.end;
      readDay();
    }
  } else if (isMonth) {
    date.month = numeral.value;
    readDay();
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

function isIntegerBetween(value: number, low: number, high: number): boolean {
  return Number.isInteger(value) && value >= low && value <= high;
}
