import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../src/ingest/html/normalize-date.js';

describe('normalizeDate', () => {
  it.each([
    ['2026-04-23T07:00:00+08:00', '2026-04-23'],
    ['2026-04-22T23:30:00Z', '2026-04-22'],
    ['2026/4/3', '2026-04-03'],
    ['2026.04.23 10:00', '2026-04-23'],
    ['2026年4月23日 08:00', '2026-04-23'],
    ['Thu, 23 Apr 2026 07:30:00 +0800', '2026-04-23'],
    ['23 April 2026', '2026-04-23'],
  ])('reads %s as the date the publisher wrote', (text, expected) => {
    expect(normalizeDate(text)).toBe(expected);
  });

  it.each([null, '', '昨天', '2026-02-30', '2026-13-01', 'Thu, 23 Foo 2026'])('gives null for %s (never invents a date)', (text) => {
    expect(normalizeDate(text)).toBeNull();
  });
});
