import chardet from 'chardet';
import iconv from 'iconv-lite';
import { NotTextError } from './not-text-error.js';
import { TextEncodingError } from './text-encoding-error.js';

/** Result of `decodeText`: the text (BOM removed) and the encoding it was read with. */
export interface DecodeTextResult {
  text: string;
  encoding: string;
}

/** chardet's confidence (0..100) below which its ranking of legacy encodings is mostly noise. */
const CONFIDENT_GUESS = 50;
/**
 * Share of U+FFFD / control characters tolerated: a damaged byte or two in a long file is still the
 * right encoding; more than that means we decoded garbage.
 */
const MAX_BAD_CHARACTER_RATIO = 0.005;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes file bytes to text. UTF-8 (with or without BOM) and UTF-16 with BOM are read directly, UTF-16 without
 * one by its more plausible byte order;
 * anything else is guessed with chardet and decoded with iconv-lite, the GB family (GB2312, GBK,
 * GB18030) always as GB18030, its superset. Throws `NotTextError` for binary bytes (NUL, control
 * characters) and `TextEncodingError` for text in no encoding it knows, rather than returning garbage.
 */
export function decodeText(bytes: Buffer): DecodeTextResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checkedText(iconv.decode(bytes.subarray(3), 'utf-8'), 'utf-8', bytes);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checkedText(iconv.decode(bytes.subarray(2), 'utf-16le'), 'utf-16le', bytes);
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checkedText(iconv.decode(bytes.subarray(2), 'utf-16be'), 'utf-16be', bytes);
  }
  try {
    const text = strictUtf8.decode(bytes);
    // NUL and other control bytes are valid UTF-8 but not text: UTF-16 without a BOM, or binary.
    if (badCharacterRatio(text) <= MAX_BAD_CHARACTER_RATIO) return { text, encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: fall through to detection.
  }

  let best: { text: string; encoding: string; ratio: number } | null = null;
  for (const encoding of candidateEncodings(bytes)) {
    const text = iconv.decode(bytes, encoding);
    const ratio = badCharacterRatio(text);
    if (best === null || ratio < best.ratio) best = { text, encoding, ratio };
    if (ratio <= MAX_BAD_CHARACTER_RATIO) return { text, encoding };
  }
  const controlRatio = controlByteRatio(bytes);
  if (controlRatio > MAX_BAD_CHARACTER_RATIO) throw new NotTextError(controlRatio);
  throw new TextEncodingError(best?.encoding ?? null, best?.ratio ?? 1);
}

/** Text read through a byte-order mark, refused when it is mostly control characters (binary behind a BOM-like start). */
function checkedText(text: string, encoding: string, bytes: Buffer): DecodeTextResult {
  if (badCharacterRatio(text) > MAX_BAD_CHARACTER_RATIO) throw new NotTextError(controlByteRatio(bytes));
  return { text, encoding };
}

/**
 * Encodings to try, most likely first. When chardet is unsure (short texts give it nothing to go on)
 * the Chinese encodings are tried before its guesses, because this tool reads Chinese newspapers.
 */
function candidateEncodings(bytes: Buffer): string[] {
  const matches = chardet.analyse(bytes);
  const guessed = matches.map((match) => toIconvName(match.name)).filter((name): name is string => name !== null);
  const topConfidence = matches[0]?.confidence ?? 0;
  const ordered = topConfidence >= CONFIDENT_GUESS ? guessed : ['gb18030', 'big5', ...guessed];
  const utf16 = guessUtf16(bytes);
  return [...new Set([...(utf16 ? [utf16] : []), ...ordered])];
}

/**
 * UTF-16 without a byte-order mark, which chardet does not recognise. Its NULs alone do not tell the byte
 * order: ASCII puts them at odd offsets (little-endian), but common CJK characters (U+4E00, U+5200…) put
 * them at even ones too. So both byte orders are decoded and the one with fewer characters that text does
 * not hold (lone surrogates, private use, unassigned code points, controls) wins: the wrong order turns
 * every character into an arbitrary code point, a sixth or more of them such. Only bytes with NULs and an
 * even length are tried: a legacy 8-bit text without NULs would also read as "valid" UTF-16.
 */
function guessUtf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0 || !bytes.includes(0)) return null;
  const little = implausibleCharacterRatio(new TextDecoder('utf-16le').decode(bytes));
  const big = implausibleCharacterRatio(new TextDecoder('utf-16be').decode(bytes));
  const [encoding, ratio] = little <= big ? (['utf-16le', little] as const) : (['utf-16be', big] as const);
  return ratio <= MAX_BAD_CHARACTER_RATIO ? encoding : null;
}

/** Characters no text holds: U+FFFD (a lone surrogate decoded), private use, unassigned, and controls but tab, newline, form feed and CR. */
const IMPLAUSIBLE_CHARACTER = /[\uFFFD\p{Co}\p{Cn}\p{Cs}]|(?![\t\n\f\r])\p{Cc}/gu;

function implausibleCharacterRatio(text: string): number {
  if (text.length === 0) return 0;
  return (text.match(IMPLAUSIBLE_CHARACTER)?.length ?? 0) / text.length;
}

function toIconvName(chardetName: string): string | null {
  const upper = chardetName.toUpperCase();
  if (upper === 'GB2312' || upper === 'GBK' || upper === 'GB18030') return 'gb18030';
  const name = chardetName.toLowerCase();
  return iconv.encodingExists(name) ? name : null;
}

function badCharacterRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // U+FFFD marks undecodable bytes; C0 controls other than tab/newline/form feed/CR mean binary or a wrong guess.
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d)) bad++;
  }
  return bad / text.length;
}

/** Share of NUL and other C0 control bytes (tab, newline, form feed and CR excepted). */
function controlByteRatio(bytes: Buffer): number {
  if (bytes.length === 0) return 0;
  let control = 0;
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
  return control / bytes.length;
}
