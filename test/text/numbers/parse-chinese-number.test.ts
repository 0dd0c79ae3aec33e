import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../src/text/numbers/parse-chinese-number.js';

describe('parseChineseNumber', () => {
  it.each([
    ['二十', 20],
    ['十五', 15],
    ['一百二十六万', 1_260_000],
    ['两千', 2000],
    ['一百零五', 105],
    ['三十万', 300_000],
    ['一亿二千万', 120_000_000],
    ['千', 1000],
    ['二〇二五', 2025],
    ['五', 5],
    ['126万', 1_260_000],
    ['700亿', 70_000_000_000],
    ['1.5亿', 150_000_000],
    ['2,600', 2600],
    ['１８００', 1800],
    ['85.1', 85.1],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(['十五五', '十百千', '万', '三四', '', '亿万', '一百千'])('rejects %j, which only looks numeric', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });
});
