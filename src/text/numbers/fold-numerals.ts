import { parseChineseNumber } from './parse-chinese-number.js';

/**
 * A Chinese numeral that counts something: a run of numeral characters followed by a classifier or unit
 * (两年, 三个, 十二月, 五万元), or preceded by 第 (第三; the 第 is read before the run, not matched: a pattern that
 * opens on an optional 第 is tried at every character of a text, one that opens on a numeral only where one is, three
 * times faster over an article). Bare runs stay as they are, since 一 and 万 live inside ordinary words (统一, 万一).
 */
const COUNTED_NUMERAL = /[零〇一二两三四五六七八九十百千万亿]+(?=[个名位人家所座条项次年月日号岁届期批轮场部种类只头颗枚台辆件元米吨倍层天周小分秒万亿])/g;

/**
 * Writes counted Chinese numerals as Arabic digits (两年 → 2年, 十二月 → 12月, 第三 → 第3), so that a
 * question and a sentence that write the same number differently still match. Used on both sides of a
 * comparison; never on text that is shown.
 */
export function foldNumerals(text: string): string {
  if (!/[零〇一二两三四五六七八九十百千]/.test(text)) return text;
  return text.replace(COUNTED_NUMERAL, (numeral: string, offset: number) => {
    if (/^[万亿]+$/.test(numeral)) return numeral;
    const value = parseChineseNumber(numeral);
    // 一 alone before a classifier is usually an article (一个问题, 一家企业), not a figure to compare.
    if (value === null || (numeral === '一' && text[offset - 1] !== '第')) return numeral;
    return String(value);
  });
}
