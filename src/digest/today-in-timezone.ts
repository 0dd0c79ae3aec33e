/** The calendar date (YYYY-MM-DD) that an instant falls on in an IANA timezone, e.g. `Asia/Shanghai`. */
export function todayInTimezone(now: Date, timezone: string): string {
  const parts = formatterFor(timezone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for an unknown timezone (Intl's own check). */
function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, formatter);
  }
  return formatter;
}
