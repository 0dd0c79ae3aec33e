import path from 'node:path';
import { isoDate } from './iso-date.js';

// Digits must not touch other digits, so an id like 1202504231 is not read as a date.
const DASHED_DATE = /(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)/g;
const COMPACT_DATE = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g;

/**
 * The publication date written in a file name (`2025-04-23-page1.md`, `zzrb_20250423.txt`), as
 * YYYY-MM-DD, or null. Only the name is read, never the body: a date in the text may be any date.
 */
export function dateFromFileName(filePath: string): string | null {
  const name = path.basename(filePath);
  for (const pattern of [DASHED_DATE, COMPACT_DATE]) {
    for (const match of name.matchAll(pattern)) {
      const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
      if (date) return date;
    }
  }
  return null;
}
