import { memoByText } from '../memo-by-text.js';

/** A day of the calendar, as a time zone reads a moment. */
export interface CalendarDay {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** YYYY-MM-DD. */
  iso: string;
}

/**
 * One formatter per time zone: building an `Intl.DateTimeFormat` costs some 0.1–0.2 ms (and every question reads
 * "today"), formatting with a built one a few microseconds. Time zones in use are few (the newsroom's, a test's).
 */
const dayFormat = memoByText((timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), 64);

/** The day last read in each time zone, with the second it was read for: no day changes within a second. */
const lastRead = new Map<string, { second: number; day: CalendarDay }>();

/** The calendar day `moment` falls on in `timeZone`. */
export function calendarDay(moment: Date, timeZone: string): CalendarDay {
  const second = Math.floor(moment.getTime() / 1000);
  const last = lastRead.get(timeZone);
  if (last?.second === second) return { ...last.day };
  const parts = dayFormat(timeZone).formatToParts(moment);
  const part = (type: string): number => Number(parts.find((item) => item.type === type)?.value);
  const day = fromUtc(new Date(Date.UTC(part('year'), part('month') - 1, part('day'))));
  if (lastRead.size >= 64) lastRead.clear();
  lastRead.set(timeZone, { second, day: { ...day } });
  return day;
}

/** `day` moved by `days` (negative: back). */
export function shiftDays(day: CalendarDay, days: number): CalendarDay {
  return fromUtc(new Date(Date.UTC(day.year, day.month - 1, day.day + days)));
}

/** The first day of the month `months` away from `day`'s. */
export function shiftMonths(day: CalendarDay, months: number): CalendarDay {
  return fromUtc(new Date(Date.UTC(day.year, day.month - 1 + months, 1)));
}

function fromUtc(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay(), iso: date.toISOString().slice(0, 10) };
}
