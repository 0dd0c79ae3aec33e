import { describe, expect, it } from 'vitest';
import { memoByText } from '../../src/text/memo-by-text.js';

describe('memoByText', () => {
  it('works a text out once and gives the same value after', () => {
    const computed: string[] = [];
    const length = memoByText((text) => {
      computed.push(text);
      return text.length;
    });
    expect([length('株洲'), length('湘江大桥'), length('株洲'), length('')]).toEqual([2, 4, 2, 0]);
    expect(computed).toEqual(['株洲', '湘江大桥', '']);
  });

  it('remembers a falsy value too', () => {
    let calls = 0;
    const none = memoByText(() => {
      calls += 1;
      return undefined;
    });
    none('a');
    none('a');
    expect(calls).toBe(1);
  });

  it('empties its memory at the limit and works the texts out again', () => {
    const computed: string[] = [];
    const upper = memoByText((text) => {
      computed.push(text);
      return text.toUpperCase();
    }, 2);
    for (const text of ['a', 'b', 'c', 'a', 'c']) upper(text);
    // At 'c' the memory held two texts and was emptied; 'a' is worked out again, 'c' is still known.
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
  });
});
