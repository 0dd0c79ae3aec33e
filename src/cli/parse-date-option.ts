import { UsageError } from './errors.js';

/** Validates a `--date YYYY-MM-DD` option (a real calendar day); `name` is the option the message names. */
export function parseDateOption(value: string | undefined, name = '--date'): string | null {
  if (value === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`${name} must be a day as YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Validates a `--now` option (a date or a time, as NEWSBOT_NOW) into the moment questions are read against. */
export function parseNowOption(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) throw new UsageError(`--now must be a date or time such as 2026-10-15 or 2026-10-15T08:00:00+08:00, got "${value}"`);
  return moment;
}
