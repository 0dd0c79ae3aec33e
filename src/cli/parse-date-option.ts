import { UsageError } from './errors.js';

/** Validates a `--date YYYY-MM-DD` option (a real calendar day). */
export function parseDateOption(value: string | undefined): string | null {
  if (value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`--date must be a day as YYYY-MM-DD, got "${value}"`);
  return value;
}
