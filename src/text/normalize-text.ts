// Folding used only to build keyword-index terms and to match queries against them; stored text is never normalized.
import * as OpenCC from 'opencc-js';

/**
 * Characters that OpenCC's Taiwan table rewrites although they are ordinary simplified characters
 * (什么 → 什幺, 著名 → 着名); folding them would make simplified text drift away from itself.
 */
const SIMPLIFIED_CHARACTERS_KEPT = new Set(['么', '著']);

/** Han blocks whose characters may have a traditional form: CJK Extension A, Unified Ideographs, Compatibility Ideographs. */
const HAN_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

interface FoldingTable {
  /** For each BMP code unit: 0 = keep, `WIDE` = see `wide`, otherwise the replacement code unit. */
  single: Uint16Array;
  /** BMP code units whose replacement is not a single BMP code unit (e.g. an astral character). */
  wide: Map<number, string>;
}

/** Marks entries of `single` whose replacement lives in `wide` (U+FFFF is a noncharacter, never a replacement). */
const WIDE = 0xffff;

let foldingTable: FoldingTable | null = null;

/**
 * Builds a per-character table once: running OpenCC's phrase-matching converter on every chunk costs
 * about 0.03 ms per 300 characters, while a table lookup is two orders of magnitude cheaper, and
 * phrase-level choices don't matter for matching as long as index and query are folded the same way.
 */
function getFoldingTable(): FoldingTable {
  if (foldingTable) return foldingTable;
  const single = new Uint16Array(0x10000);
  const wide = new Map<number, string>();

  // Full-width ASCII (Ａ１！) → half-width, and the ideographic space → space.
  for (let code = 0xff01; code <= 0xff5e; code++) single[code] = code - 0xfee0;
  single[0x3000] = 0x20;

  const characters: string[] = [];
  for (const [start, end] of HAN_RANGES) {
    for (let code = start; code <= end; code++) characters.push(String.fromCharCode(code));
  }
  // One converter call per table: '\n' keeps OpenCC from matching phrases across characters.
  const joined = characters.join('\n');
  const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' })(joined).split('\n');
  const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' })(joined).split('\n');
  characters.forEach((character, index) => {
    const hongKong = fromHongKong[index];
    const taiwan = fromTaiwan[index];
    let folded: string | undefined;
    if (hongKong !== undefined && hongKong !== character) folded = hongKong;
    else if (taiwan !== undefined && taiwan !== character && !SIMPLIFIED_CHARACTERS_KEPT.has(character)) folded = taiwan;
    if (folded === undefined || folded.length === 0) return;
    const code = character.charCodeAt(0);
    if (folded.length === 1) single[code] = folded.charCodeAt(0);
    else {
      single[code] = WIDE;
      wide.set(code, folded);
    }
  });

  // Latin lower-casing last, so full-width capitals (Ａ → A → a) fold in one step.
  for (let code = 0x41; code <= 0x5a; code++) single[code] = code + 0x20;
  for (let code = 0xff21; code <= 0xff3a; code++) single[code] = code - 0xfee0 + 0x20;
  for (let code = 0xc0; code <= 0x24f; code++) {
    const lower = String.fromCharCode(code).toLowerCase();
    if (lower.length === 1 && lower.charCodeAt(0) !== code) single[code] = lower.charCodeAt(0);
  }

  foldingTable = { single, wide };
  return foldingTable;
}

/** Code units per `String.fromCharCode` call: well under engines' argument limits. */
const OUTPUT_BATCH = 8192;

/**
 * Folds text for keyword indexing and query matching: full-width ASCII (letters, digits and
 * punctuation such as ，？) → half-width, the ideographic space → space, traditional Chinese (Taiwan
 * and Hong Kong forms) → simplified, Latin → lower case. Never apply it to stored text.
 * Character by character, so the output has as many characters as the input except for the rare
 * traditional character whose simplified form lies outside the BMP.
 */
export function normalizeForMatching(text: string): string {
  const { single, wide } = getFoldingTable();
  const length = text.length;
  // A plain number[] handed to String.fromCharCode was the fastest way to build the result
  // (faster than typed arrays, TextDecoder or string concatenation) when measured on Node 20.
  const codes: number[] = [];
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    const mapped = single[code] ?? 0;
    if (mapped === 0) codes.push(code);
    else if (mapped !== WIDE) codes.push(mapped);
    else {
      const replacement = wide.get(code) ?? String.fromCharCode(code);
      for (let offset = 0; offset < replacement.length; offset++) codes.push(replacement.charCodeAt(offset));
    }
  }
  if (codes.length <= OUTPUT_BATCH) return String.fromCharCode.apply(null, codes);
  const parts: string[] = [];
  for (let start = 0; start < codes.length; start += OUTPUT_BATCH) {
    parts.push(String.fromCharCode.apply(null, codes.slice(start, start + OUTPUT_BATCH)));
  }
  return parts.join('');
}
