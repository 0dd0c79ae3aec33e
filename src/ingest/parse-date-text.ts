import { isoDate } from './iso-date.js';

// The date part is read as written: converting an ISO datetime to UTC would move late-evening
// articles (2025-04-23T23:30+08:00) to the wrong day.
const NUMERIC_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Reads a record's date: YYYY-MM-DD (also with / or .), an ISO datetime, `YYYY年M月D日` or YYYYMMDD.
 * Returns YYYY-MM-DD, or null when the value is not one of those or not a real day.
 */
export function parseDateText(value: string | number): string | null {
  const text = String(value).trim();
  const match = NUMERIC_DATE.exec(text) ?? CHINESE_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (!match) return null;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}
