import { describe, expect, it } from 'vitest';
import { containsWord } from '../../src/text/contains-word.js';

describe('containsWord', () => {
  it('does not find a word that straddles two words', () => {
    expect(containsWord('城市长廊建成开放', '市长')).toBe(false);
  });

  it('finds a word at the start or end of a longer word', () => {
    expect(containsWord('株洲市今年新建8所学校', '株洲')).toBe(true);
    expect(containsWord('湘江大桥全长1280米', '大桥')).toBe(true);
    expect(containsWord('市长王明出席', '市长')).toBe(true);
  });
});
