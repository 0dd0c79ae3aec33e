import { describe, expect, it } from 'vitest';
import { takeFromWindow } from '../../../src/store/sql/take-from-window.js';

describe('takeFromWindow', () => {
  it('takes a slot while the window has room, dropping times that left it', () => {
    const taken = takeFromWindow([1_000, 5_000], false, 2, 10_000, 12_000);
    expect(taken).toEqual({ times: [5_000, 12_000], warned: false, expiresAt: 22_000, decision: { allowed: true } });
  });

  it('refuses when full, says the wait until the oldest leaves, and warns only the first time', () => {
    const first = takeFromWindow([5_000, 6_000], false, 2, 10_000, 7_000);
    expect(first).toEqual({ times: [5_000, 6_000], warned: true, expiresAt: 16_000, decision: { allowed: false, retryAfterSeconds: 8, firstRefusal: true } });
    expect(takeFromWindow(first.times, first.warned, 2, 10_000, 7_500).decision).toEqual({ allowed: false, retryAfterSeconds: 8, firstRefusal: false });
  });
});
