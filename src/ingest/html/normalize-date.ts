import { isoDate } from '../iso-date.js';
import { parseDateText } from '../parse-date-text.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC_822_DATE = /(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})/;

/**
 * Normalizes a date from page metadata or a feed to YYYY-MM-DD, or null (never invented).
 * Adds RFC 822 (`Thu, 23 Apr 2026 07:30:00 +0800`, RSS pubDate) to the forms `parseDateText`
 * reads; like it, keeps the calendar day the publisher wrote instead of shifting to UTC.
 */
export function normalizeDate(text: string | null | undefined): string | null {
  if (!text?.trim()) return null;
  const parsed = parseDateText(text);
  if (parsed) return parsed;
  const match = RFC_822_DATE.exec(text);
  const month = MONTHS.indexOf((match?.[2] ?? '').toLowerCase()) + 1;
  return match && month > 0 ? isoDate(Number(match[3]), month, Number(match[1])) : null;
}
