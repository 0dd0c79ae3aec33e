import { describe, expect, it } from 'vitest';
import { calendarDay } from '../../../src/text/time/calendar-day.js';

describe('calendarDay', () => {
  it('reads a moment in each time zone it is asked for, one after another', () => {
    // 20:30 UTC on 31 December 2025: already 1 January in Shanghai, still 31 December in New York.
    const moment = new Date('2025-12-31T20:30:00Z');
    expect(calendarDay(moment, 'Asia/Shanghai')).toEqual({ year: 2026, month: 1, day: 1, weekday: 4, iso: '2026-01-01' });
    expect(calendarDay(moment, 'America/New_York').iso).toBe('2025-12-31');
    expect(calendarDay(moment, 'Asia/Shanghai').iso).toBe('2026-01-01');
    expect(calendarDay(new Date('2026-03-01T00:00:00Z'), 'America/New_York').iso).toBe('2026-02-28');
  });

  it('turns the day at midnight of the zone, to the second', () => {
    // Midnight in Shanghai is 16:00 UTC.
    expect(calendarDay(new Date('2025-12-31T15:59:59.900Z'), 'Asia/Shanghai').iso).toBe('2025-12-31');
    expect(calendarDay(new Date('2025-12-31T16:00:00.000Z'), 'Asia/Shanghai').iso).toBe('2026-01-01');
    expect(calendarDay(new Date('2025-12-31T15:59:59.999Z'), 'Asia/Shanghai').iso).toBe('2025-12-31');
  });

  it('gives each caller a day of its own to change', () => {
    const moment = new Date('2026-05-01T12:00:00Z');
    const day = calendarDay(moment, 'Asia/Shanghai');
    day.day = 31;
    expect(calendarDay(moment, 'Asia/Shanghai').day).toBe(1);
  });

  it('refuses a time zone that does not exist, every time', () => {
    expect(() => calendarDay(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => calendarDay(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
