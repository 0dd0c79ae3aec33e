import { CHINESE_NUMERAL_CHARACTERS, parseChineseNumber } from './parse-chinese-number.js';
import type { Quantity } from './quantity.js';
import { roundFigure } from './round-figure.js';

const RANGE_SEPARATOR = /^(?:——|[—–\-~～到至])$/;
const NUMBER_AT_START = new RegExp(`^(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARACTERS}]+)`);

/**
 * 4—6公斤, 3到4公斤: a bare number joined by a range mark to the next figure becomes one figure in that
 * figure's unit, `value` the low end and `upper` the high end. `quantities` are in text order.
 */
export function mergeRanges(text: string, quantities: readonly Quantity[]): Quantity[] {
  const merged: Quantity[] = [];
  for (const quantity of quantities) {
    const previous = merged[merged.length - 1];
    const joinable = quantity.kind !== 'plain' && quantity.kind !== 'date' && quantity.kind !== 'ordinal';
    if (previous && previous.kind === 'plain' && previous.bound === 'exact' && joinable && RANGE_SEPARATOR.test(text.slice(previous.end, quantity.start))) {
      const written = parseChineseNumber(NUMBER_AT_START.exec(text.slice(quantity.start, quantity.end))?.[0] ?? '') ?? 0;
      const factor = written === 0 ? 1 : quantity.value / written;
      merged[merged.length - 1] = { ...quantity, value: roundFigure(previous.value * factor), upper: quantity.value, start: previous.start };
      continue;
    }
    merged.push(quantity);
  }
  return merged;
}
