import { describe, expect, it } from 'vitest';
import { extractQuantities, sameQuantity, type Quantity } from '../../../src/text/numbers/extract-quantities.js';

function only(text: string): Quantity {
  const quantities = extractQuantities(text);
  expect(quantities, `quantities of ${text}`).toHaveLength(1);
  return quantities[0]!;
}

describe('extractQuantities: each form, text to value and unit', () => {
  it.each([
    // [text, value, unit, kind, bound]
    ['二十件', 20, '件', 'count', 'exact'],
    ['20件', 20, '件', 'count', 'exact'],
    ['一百二十六万户', 1_260_000, '户', 'count', 'exact'],
    ['126万户', 1_260_000, '户', 'count', 'exact'],
    ['700亿元', 70_000_000_000, '元', 'money', 'exact'],
    ['七百亿元', 70_000_000_000, '元', 'money', 'exact'],
    ['2600余万元', 26_000_000, '元', 'money', 'atLeast'],
    ['两千六百多万元', 26_000_000, '元', 'money', 'atLeast'],
    ['85.1公斤', 85.1, '公斤', 'measure', 'exact'],
    ['12.5厘米', 0.125, '米', 'measure', 'exact'],
    ['1.65米', 1.65, '米', 'measure', 'exact'],
    ['30万平方米', 300_000, '平方米', 'measure', 'exact'],
    ['百分之五', 5, '%', 'percent', 'exact'],
    ['5%', 5, '%', 'percent', 'exact'],
    ['百分之七十', 70, '%', 'percent', 'exact'],
    ['第43位', 43, '位', 'ordinal', 'exact'],
    ['第四十三位', 43, '位', 'ordinal', 'exact'],
    ['第五届', 5, '届', 'ordinal', 'exact'],
    ['首位', 1, '位', 'ordinal', 'exact'],
    ['超1800人次', 1800, '人次', 'count', 'atLeast'],
    ['超过1800人次', 1800, '人次', 'count', 'atLeast'],
    ['突破126万户', 1_260_000, '户', 'count', 'atLeast'],
    ['近千名', 1000, '人', 'count', 'atMost'],
    ['不到1000人', 1000, '人', 'count', 'atMost'],
    ['约2000人', 2000, '人', 'count', 'about'],
    ['2000人左右', 2000, '人', 'count', 'about'],
    ['230多个', 230, '个', 'count', 'atLeast'],
    ['35名', 35, '人', 'count', 'exact'],
    ['6所', 6, '所', 'count', 'exact'],
  ] as const)('%s → %d %s (%s, %s)', (text, value, unit, kind, bound) => {
    const quantity = only(text);
    expect(quantity).toMatchObject({ value, unit, kind, bound, raw: text, start: 0, end: text.length });
  });

  it('reads dates by their written parts', () => {
    expect(only('4月22日')).toMatchObject({ kind: 'date', unit: 'date', date: { month: 4, day: 22 }, value: 422 });
    expect(only('2025年2月')).toMatchObject({ kind: 'date', date: { year: 2025, month: 2 }, value: 20250200 });
    expect(only('2030年')).toMatchObject({ kind: 'date', date: { year: 2030 } });
    expect(only('二〇二五年')).toMatchObject({ kind: 'date', date: { year: 2025 } });
  });

  it('reads ranges with the unit of their second end', () => {
    expect(only('4—6公斤')).toMatchObject({ value: 4, upper: 6, unit: '公斤', kind: 'measure' });
    expect(only('3到4公斤')).toMatchObject({ value: 3, upper: 4, unit: '公斤' });
  });

  it('keeps the 余/多 step: 2600余万元 lies in [26,000,000, 27,000,000)', () => {
    expect(only('2600余万元').step).toBe(1_000_000);
    expect(only('230多个').step).toBe(10);
  });

  it('finds every figure of a sentence with its offsets', () => {
    const text = '与此同时，株洲新增省级专精特新中小企业103家，累计602家，稳居全省第二。';
    const quantities = extractQuantities(text);
    expect(quantities.map((quantity) => quantity.raw)).toEqual(['103家', '602家', '第二']);
    for (const quantity of quantities) expect(text.slice(quantity.start, quantity.end)).toBe(quantity.raw);
  });

  it('tells a duration from a year, and a month from a span of months', () => {
    expect(only('11年来')).toMatchObject({ raw: '11年', kind: 'measure', unit: '年' });
    expect(only('3个月前')).toMatchObject({ raw: '3个月', kind: 'measure', unit: '个月' });
  });

  it('ignores Chinese numerals that are words or names, not figures', () => {
    expect(extractQuantities('面向“十五五”，推进“十百千”培育行动，与一线城市相比')).toEqual([]);
    expect(extractQuantities('江城第一人民医院')).toEqual([]);
  });

  it('reads a bare 万 after an approximating word', () => {
    expect(only('近万名')).toMatchObject({ value: 10_000, unit: '人', bound: 'atMost' });
    expect(only('万余人')).toMatchObject({ value: 10_000, unit: '人', bound: 'atLeast' });
  });

  it('reads a figure split by a layout line break', () => {
    expect(only('提质升级54\n\n所中小学食堂')).toMatchObject({ value: 54, unit: '所' });
  });
});

describe('sameQuantity: both ways', () => {
  it.each([
    ['二十件', '20件'],
    ['一百二十六万户', '1,260,000户'],
    ['126万户', '一百二十六万户'],
    ['700亿元', '7000000万元'],
    ['百分之五', '5%'],
    ['第43位', '第四十三位'],
    ['超1800人次', '超过1800人次'],
    ['2600余万元', '2600多万元'],
    ['1.65米', '165厘米'],
    ['35名', '35人'],
    ['4月22日', '2026年4月22日'],
  ])('%s = %s', (first, second) => {
    expect(sameQuantity(only(first), only(second))).toBe(true);
    expect(sameQuantity(only(second), only(first))).toBe(true);
  });

  it.each([
    ['100家', '96家'],
    ['100家', '100户'],
    ['1800人次', '1800人'],
    ['第5位', '第43位'],
    ['超1800人次', '近1800人次'],
    ['4月22日', '4月23日'],
    ['5%', '5个百分点'],
    ['700亿元', '700亿美元'],
  ])('%s ≠ %s', (first, second) => {
    expect(sameQuantity(only(first), only(second))).toBe(false);
    expect(sameQuantity(only(second), only(first))).toBe(false);
  });
});
