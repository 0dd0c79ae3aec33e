import chardet from 'chardet';
import iconv from 'iconv-lite';
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
 * Decodes file bytes to text. UTF-8 (with or without BOM) and UTF-16 with BOM are read directly;
 * anything else is guessed with chardet and decoded with iconv-lite, the GB family (GB2312, GBK,
 * GB18030) always as GB18030, its superset. Throws `TextEncodingError` rather than returning garbage.
 */
export function decodeText(bytes: Buffer): DecodeTextResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: iconv.decode(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
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
  throw new TextEncodingError(best?.encoding ?? null, best?.ratio ?? 1);
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
  return [...new Set(ordered)];
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
