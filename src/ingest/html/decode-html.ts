import iconv from 'iconv-lite';
import { decodeText } from '../decode-text.js';
import { parseMediaType } from '../fetch/media-type.js';
import { normalizeCharsetLabel } from './charset-label.js';

/** Text decoded from a page or feed, with the encoding used and where it was found. */
export interface DecodeHtmlResult {
  text: string;
  encoding: string;
  from: 'bom' | 'header' | 'declaration' | 'detected';
}

const PRESCAN_BYTES = 2048;
const META_CHARSET = /<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i;

/**
 * Decodes HTML or XML bytes: a byte-order mark wins, then the Content-Type charset, then
 * `<meta charset>` / `http-equiv` or the XML declaration in the first 2 KB, then `decodeText`'s
 * detection (which throws `TextEncodingError` rather than return garbage).
 * A declared UTF-8 that is not valid UTF-8 (a common misconfiguration) falls through to the next clue.
 */
export function decodeHtml(bytes: Uint8Array, contentTypeHeader: string | null | undefined): DecodeHtmlResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWithBom(buffer)) return { ...decodeText(buffer), from: 'bom' };

  const head = buffer.subarray(0, PRESCAN_BYTES).toString('latin1');
  const declared = XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
  const candidates: Array<[string | null, DecodeHtmlResult['from']]> = [
    [normalizeCharsetLabel(parseMediaType(contentTypeHeader).charset), 'header'],
    [normalizeCharsetLabel(declared), 'declaration'],
  ];
  for (const [encoding, from] of candidates) {
    if (!encoding) continue;
    if (encoding === 'utf-8' && !isValidUtf8(buffer)) continue;
    return { text: iconv.decode(buffer, encoding), encoding, from };
  }
  return { ...decodeText(buffer), from: 'detected' };
}

function startsWithBom(buffer: Buffer): boolean {
  return (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) || (buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff);
}

function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}
