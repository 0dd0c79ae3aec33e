/**
 * The instant a calendar date (YYYY-MM-DD) begins in an IANA timezone.
 * Used to ask croner for "the first scheduled run on that day".
 */
export function startOfDayInTimezone(date: string, timezone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // The offset at a guess, then once more at the corrected instant (a DST change near midnight moves it).
  let start = midnightAsUtc - offsetMilliseconds(new Date(midnightAsUtc), timezone);
  start = midnightAsUtc - offsetMilliseconds(new Date(start), timezone);
  return new Date(start);
}

/** Local wall-clock time minus UTC at an instant, in milliseconds (+8 h for Asia/Shanghai). */
function offsetMilliseconds(instant: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
