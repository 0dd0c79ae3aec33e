import { describe, expect, it } from 'vitest';
import { classifyMiss } from '../../../bench/keyword-scale/classify-miss.js';
import { maskFigures } from '../../../bench/keyword-scale/gold-passages.js';

describe('classifyMiss', () => {
  it('names a returned copy of the gold sentence with other figures first, whatever the candidates held', () => {
    expect(classifyMiss({ returned: ['none', 'varied copy'], candidates: ['answer'], plain: ['answer'] })).toBe('varied copy');
  });

  it('tells a candidate ranked too low from one the budget left out, and from one no keyword ranking finds', () => {
    expect(classifyMiss({ returned: ['none'], candidates: ['none', 'answer'], plain: [] })).toBe('outranked');
    expect(classifyMiss({ returned: ['none'], candidates: ['none'], plain: ['none', 'answer'] })).toBe('budget');
    expect(classifyMiss({ returned: ['none'], candidates: ['none'], plain: ['varied copy'] })).toBe('beyond keywords');
  });
});

describe('maskFigures', () => {
  it('makes copies of a sentence that differ only in their figures equal, and keeps other differences', () => {
    expect(maskFigures('该站于1985年启用，有12个月台。')).toBe(maskFigures('该站于1987年启用，有7个月台。'));
    expect(maskFigures('该站于1985年启用')).not.toBe(maskFigures('该线于1985年启用'));
  });
});
