import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/digest/is-calendar-date.js';
import { startOfDayInTimezone } from '../../src/digest/start-of-day-in-timezone.js';
import { todayInTimezone } from '../../src/digest/today-in-timezone.js';

describe('todayInTimezone', () => {
  it('reads the calendar date in the timezone, not in UTC', () => {
    expect(todayInTimezone(new Date('2026-04-22T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-04-23');
    expect(todayInTimezone(new Date('2026-04-22T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-04-22');
    expect(todayInTimezone(new Date('2026-04-23T03:00:00Z'), 'America/New_York')).toBe('2026-04-22');
  });

  it('rejects an unknown timezone', () => {
    expect(() => todayInTimezone(new Date(), 'Nowhere/City')).toThrow(RangeError);
  });
});

describe('startOfDayInTimezone', () => {
  it('finds local midnight, DST days included', () => {
    expect(startOfDayInTimezone('2026-04-23', 'Asia/Shanghai').toISOString()).toBe('2026-04-22T16:00:00.000Z');
    expect(startOfDayInTimezone('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDayInTimezone('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });
});

describe('isCalendarDate', () => {
  it('accepts real days only', () => {
    expect(isCalendarDate('2026-04-23')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-4-23')).toBe(false);
    expect(isCalendarDate('today')).toBe(false);
  });
});
