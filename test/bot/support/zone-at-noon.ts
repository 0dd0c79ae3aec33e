/**
 * A fixed-offset IANA zone (Etc/GMT±N) in which `now` falls within an hour of noon. A test that counts "today" in
 * DIGEST_TIMEZONE (the follow alerts' daily cap) runs for minutes; in this zone no midnight falls within them, whatever
 * the hour CI runs at.
 */
export function zoneAtNoon(now: Date = new Date()): string {
  const hoursAhead = 12 - now.getUTCHours();
  // Etc/GMT's sign is POSIX's: Etc/GMT-3 is three hours ahead of UTC.
  if (hoursAhead === 0) return 'Etc/GMT';
  return hoursAhead > 0 ? `Etc/GMT-${hoursAhead}` : `Etc/GMT+${-hoursAhead}`;
}
