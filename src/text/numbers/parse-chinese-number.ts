/** Parses numerals as written in Chinese news: Arabic, Chinese (一百二十六万), mixed (126万, 1.5亿), full-width digits. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_MULTIPLIERS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_MULTIPLIERS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Characters that can appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARACTERS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億';

/**
 * Value of a numeral string, or null when it is not a well-formed number.
 * Handles "二十" (20), "一百二十六万" (1,260,000), "两千" (2000), "二〇二五" (2025), "126万" (1,260,000),
 * "1.5亿" (150,000,000), "2,600" (2600), "１８００" (1800). Rejects runs that only look numeric,
 * such as "十五五" or "十百千".
 */
export function parseChineseNumber(text: string): number | null {
  const normalized = toHalfWidthDigits(text.trim()).replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (normalized === '') return null;
  const mixed = /^(\d+(?:\.\d+)?)([十百千万萬亿億]*)$/.exec(normalized);
  if (mixed) {
    const base = Number(mixed[1]);
    let factor = 1;
    for (const character of mixed[2] ?? '') factor *= SMALL_MULTIPLIERS[character] ?? LARGE_MULTIPLIERS[character] ?? 1;
    return Number.isFinite(base) ? roundFloat(base * factor) : null;
  }
  return parseChineseInteger(normalized);
}

function parseChineseInteger(text: string): number | null {
  for (const character of text) if (!(character in DIGITS) && !(character in SMALL_MULTIPLIERS) && !(character in LARGE_MULTIPLIERS)) return null;
  const hasMultiplier = [...text].some((character) => character in SMALL_MULTIPLIERS || character in LARGE_MULTIPLIERS);
  if (!hasMultiplier) return parseDigitSequence(text);

  let total = 0;
  let section = 0;
  let pending: number | null = null;
  let lastSmall = Infinity;
  let lastLarge = Infinity;
  let isFirst = true;
  for (const character of text) {
    const atStart = isFirst;
    isFirst = false;
    const digit = DIGITS[character];
    if (digit !== undefined) {
      if (digit === 0) continue; // a placeholder: 一百零五
      if (pending !== null) return null; // two digits in a row: "十五五"
      pending = digit;
      continue;
    }
    const small = SMALL_MULTIPLIERS[character];
    if (small !== undefined) {
      if (small >= lastSmall) return null; // "十百千", "百百"
      if (pending === null && !atStart) return null; // a multiplier missing its digit mid-number ("一百千"); 十五, 千, 百万 start bare
      section += (pending ?? 1) * small;
      pending = null;
      lastSmall = small;
      continue;
    }
    const large = LARGE_MULTIPLIERS[character] ?? 1;
    const sectionValue = section + (pending ?? 0);
    if (sectionValue === 0 && total === 0) return null; // a bare 万 or 亿
    if (large >= lastLarge && large !== 1e8) return null;
    if (large === 1e8) total = (total + sectionValue) * large;
    else total += sectionValue * large;
    section = 0;
    pending = null;
    lastSmall = Infinity;
    lastLarge = large;
  }
  return total + section + (pending ?? 0);
}

/** "二〇二五" → 2025; a lone digit → its value; other digit runs ("三四", a vague "3 or 4") → null. */
function parseDigitSequence(text: string): number | null {
  const characters = [...text];
  if (characters.length === 1) return DIGITS[characters[0] ?? ''] ?? null;
  if (!characters.some((character) => character === '〇' || character === '零')) return null;
  let value = 0;
  for (const character of characters) value = value * 10 + (DIGITS[character] ?? 0);
  return value;
}

/** Full-width digits and decimal point to ASCII. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９．]/g, (character) => (character === '．' ? '.' : String.fromCharCode(character.charCodeAt(0) - 0xfee0)));
}

/** Removes binary floating noise from scaled decimals (1.5 × 1e8). */
function roundFloat(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
