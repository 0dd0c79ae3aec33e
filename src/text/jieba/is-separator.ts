/**
 * Characters jieba never puts inside a word: it cuts a text into runs of Han characters, Latin letters, digits and
 * `+#&._%-`, segments each run on its own, and makes every other character a word by itself (a space too; only
 * `\r\n` is one word of two). These are some of those other characters (punctuation, spaces, the line break), so a
 * word boundary sits on either side of each. Characters left out of the list are only cut less cleverly, never wrongly.
 */
const SEPARATORS = new Uint8Array(0x10000);

const ASCII_PUNCTUATION = '!"$\'()*,/:;<=>?@[\\]^`{|}~';
/** CJK punctuation: 、。〃 and the brackets 〈〉《》「」『』【】〔〕〖〗〘〙〚〛, 〜〝〞〟. */
const CJK_PUNCTUATION_RANGES: readonly (readonly [number, number])[] = [
  [0x3001, 0x3003],
  [0x3008, 0x3011],
  [0x3014, 0x301f],
];
/** General punctuation: dashes, quotation marks, bullets, the ellipsis (‐ to ‧, ‰ to ⁞). */
const GENERAL_PUNCTUATION_RANGES: readonly (readonly [number, number])[] = [
  [0x2010, 0x2027],
  [0x2030, 0x205e],
];

for (const character of `${ASCII_PUNCTUATION} \t\n`) SEPARATORS[character.charCodeAt(0)] = 1;
for (const [start, end] of [...CJK_PUNCTUATION_RANGES, ...GENERAL_PUNCTUATION_RANGES]) SEPARATORS.fill(1, start, end + 1);
// Full-width forms folding leaves as they are (｟｠｡｢｣､･), and the middle dot.
SEPARATORS.fill(1, 0xff5f, 0xff65 + 1);
SEPARATORS[0x00b7] = 1;

/** Whether the UTF-16 code unit `code` is a character jieba always makes a word of its own (see `SEPARATORS`). */
export function isSeparator(code: number): boolean {
  return SEPARATORS[code] === 1;
}
