import { describe, expect, it } from 'vitest';
import { SharedRunMeter } from '../../src/text/shared-run-meter.js';

/** The longest shared run by brute force: every start in both texts. */
function longestByBruteForce(left: string, right: string): number {
  let longest = 0;
  for (let i = 0; i < left.length; i += 1) {
    for (let j = 0; j < right.length; j += 1) {
      let run = 0;
      while (i + run < left.length && j + run < right.length && left[i + run] === right[j + run]) run += 1;
      longest = Math.max(longest, run);
    }
  }
  return longest;
}

describe('SharedRunMeter', () => {
  it('finds the longest run a text shares with the fixed one', () => {
    const meter = new SharedRunMeter('湘江大桥全长多少米');
    expect(meter.longestIn('大桥全长1280米')).toBe(4);
    expect(meter.longestIn('东湖公园')).toBe(0);
    expect(meter.longestIn('')).toBe(0);
  });

  it('gives each text the same answer whatever was measured before (rows reused, longer texts then shorter)', () => {
    const question = '株洲市新建了多少所学校？';
    const texts = ['株洲市今年新建8所学校，其中株洲市区新建了5所学校。', '新建', '学校？株洲市新建了', '多少所学校多少所学校', '所', '株洲市新建了多少所学校？'];
    const meter = new SharedRunMeter(question);
    for (const text of [...texts, ...texts.reverse()]) expect(meter.longestIn(text)).toBe(longestByBruteForce(question, text));
  });
});
