import { describe, expect, it } from 'vitest';
import { noUnsafeCharacters, removeUnsafeCharacters } from '../../src/text/remove-unsafe-characters.js';

describe('removeUnsafeCharacters', () => {
  it('keeps newlines, tabs, emoji and bidi marks; removes controls, overrides and isolates, and lone surrogates, counting each', () => {
    const counts = noUnsafeCharacters();
    const text = 'a\u0007b\n\tc\u202Ed😀e\uD800f\uDC00g\u0085h\r\u2066i\u2069\u200Fj';
    expect(removeUnsafeCharacters(text, counts)).toBe('ab\n\tcd😀efgh' + 'i\u200Fj');
    expect(counts).toEqual({ control: 3, bidi: 3, loneSurrogate: 2 });
  });

  it('leaves clean Chinese text as it is', () => {
    const counts = noUnsafeCharacters();
    const text = '株洲今年新建口袋公园12座，市民“免费”入园。';
    expect(removeUnsafeCharacters(text, counts)).toBe(text);
    expect(counts).toEqual(noUnsafeCharacters());
  });
});
