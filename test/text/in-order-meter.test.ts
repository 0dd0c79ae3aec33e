import { describe, expect, it } from 'vitest';
import { InOrderMeter } from '../../src/text/in-order-meter.js';

describe('InOrderMeter', () => {
  it('counts the characters of the fixed text a text holds in its order, whatever stands between them', () => {
    const meter = new InOrderMeter('苏明减肥前体重公斤');
    // 苏明 is not in the sentence; 减肥前 … 体重 … 公斤 are, in order, with 他的 and the figure between.
    expect(meter.heldIn('减肥前，他的体重是85.1公斤。')).toBe(7);
    // The same characters out of order count once each in the longest ordered run: 公斤 before 体重 is one or the other.
    expect(meter.heldIn('85.1公斤是他减肥前的体重。')).toBe(5);
    expect(meter.heldIn('江上还有一座桥。')).toBe(0);
  });

  it('measures each text on its own, whatever was measured before', () => {
    const meter = new InOrderMeter('大桥全长');
    expect(meter.heldIn('这座大桥全长1200米')).toBe(4);
    expect(meter.heldIn('全长')).toBe(2);
    expect(meter.heldIn('')).toBe(0);
  });
});
