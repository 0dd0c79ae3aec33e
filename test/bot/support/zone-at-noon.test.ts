import { describe, expect, it } from 'vitest';
import { zoneAtNoon } from './zone-at-noon.js';

function localHour(at: Date, zone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(at));
}

describe('zoneAtNoon', () => {
  it('names a zone in which any hour of the day is the noon hour', () => {
    for (let hour = 0; hour < 24; hour += 1) {
      const at = new Date(Date.UTC(2026, 11, 31, hour, 59, 30));
      expect(localHour(at, zoneAtNoon(at)), `${hour}:59 UTC`).toBe(12);
    }
  });
});
