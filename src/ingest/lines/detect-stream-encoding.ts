import { decodeText } from '../decode-text.js';

/** What `detectStreamEncoding` finds: the encoding to decode with, and the bytes of a byte-order mark to skip. */
export interface StreamEncoding {
  /** An iconv-lite name: "utf-8", "utf-16le", "utf-16be", "gb18030", "big5"… */
  encoding: string;
  /** Length of the byte-order mark at the start of the file (0 when there is none). */
  bomLength: number;
}

/**
 * Detects a file's encoding from its first bytes (`head`), so a file of any size is never decoded whole
 * to find it out. A byte-order mark decides; otherwise `decodeText` judges the head cut after its last
 * line break, so a character split by the cut does not count against the right encoding. Throws what
 * `decodeText` throws (`NotTextError`, `TextEncodingError`).
 */
export function detectStreamEncoding(head: Buffer, isWholeFile: boolean): StreamEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: decodeText(isWholeFile ? head : headToLastLineBreak(head)).encoding, bomLength: 0 };
}

/** The head up to and including its last LF (and the NUL after it, UTF-16LE's second byte); the whole head when it has none. */
function headToLastLineBreak(head: Buffer): Buffer {
  const lineFeed = head.lastIndexOf(0x0a);
  if (lineFeed <= 0) return head;
  const end = head[lineFeed + 1] === 0 && (lineFeed + 1) % 2 === 1 ? lineFeed + 2 : lineFeed + 1;
  return head.subarray(0, end);
}
