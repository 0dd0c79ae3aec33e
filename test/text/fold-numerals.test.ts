import { describe, expect, it } from 'vitest';
import { foldNumerals } from '../../src/text/numbers/fold-numerals.js';

describe('foldNumerals', () => {
  it('writes counted Chinese numerals as digits', () => {
    expect(foldNumerals('两年')).toBe('2年');
    expect(foldNumerals('三个')).toBe('3个');
    expect(foldNumerals('十二月')).toBe('12月');
    expect(foldNumerals('第三届')).toBe('第3届');
  });

  it('leaves numerals inside ordinary words and bare articles alone', () => {
    expect(foldNumerals('统一规划')).toBe('统一规划');
    expect(foldNumerals('一个问题')).toBe('一个问题');
    expect(foldNumerals('万一')).toBe('万一');
  });

  it('counts 一 after 第 as a figure, and leaves a unit alone without a numeral before it', () => {
    expect(foldNumerals('第一届和一届')).toBe('第1届和一届');
    expect(foldNumerals('五万元，万元')).toBe('50000元，万元');
    expect(foldNumerals('第十二次，三四')).toBe('第12次，三四');
    expect(foldNumerals('二〇二〇年')).toBe('2020年');
  });
});
