const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Normalizes a publication date to YYYY-MM-DD, or null when the text holds no valid date.
 * The calendar date is taken as the publisher wrote it (no time-zone shift): a Beijing paper's
 * `2024-03-05T07:00:00+08:00` is 5 March, not 4 March in UTC.
 * Understands ISO 8601 (also with `/` or `.`), `2024年3月5日` and RFC 822 (`Tue, 05 Mar 2024 …`).
 */
export function normalizeDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = text.trim();
  const numeric = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value);
  if (numeric) return formatDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const rfc822 = /(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})/.exec(value);
  if (rfc822) {
    const month = MONTHS.indexOf((rfc822[2] ?? '').toLowerCase()) + 1;
    if (month > 0) return formatDate(Number(rfc822[3]), month, Number(rfc822[1]));
  }
  return null;
}

function formatDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 1900 || year > 2200) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
