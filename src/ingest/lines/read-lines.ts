import iconv from 'iconv-lite';

/** Where a reader stands in a file: the byte just after the last line read, and that line's number (0 before the first). */
export interface StreamPosition {
  offset: number;
  line: number;
}

/** One line of a file read by `readLines`: its text (line break removed), or null when it was longer than allowed. */
export interface FileLine {
  /** 1-based line number. */
  number: number;
  text: string | null;
  /** The line's length in bytes, line break excluded. */
  bytes: number;
  /** Where the next line starts: a resumed read begins here. */
  end: StreamPosition;
}

export interface ReadLinesOptions {
  /** iconv-lite name of the file's encoding (see `detectStreamEncoding`). */
  encoding: string;
  /** Where `chunks` starts in the file: after a byte-order mark, or a checkpoint. */
  from: StreamPosition;
  /** Longest line kept, in bytes; a longer one is skipped (text null) without being held in memory. */
  maxLineBytes: number;
}

/**
 * Splits a file's bytes into lines as they stream, then decodes each line on its own: a character split
 * between two chunks is whole again before it is decoded, and every line's end is known as a byte offset
 * (so a read can resume there). Lines end at LF or CRLF; in UTF-16 at the 16-bit LF. Works for encodings
 * where the byte 0x0A is only ever LF (UTF-8, GB18030, Big5, Shift_JIS…) and for UTF-16 in either order.
 */
export async function* readLines(chunks: AsyncIterable<Buffer>, options: ReadLinesOptions): AsyncGenerator<FileLine> {
  const unit = options.encoding === 'utf-16le' || options.encoding === 'utf-16be' ? 2 : 1;
  const bigEndian = options.encoding === 'utf-16be';
  /** The current line's bytes so far, held only while it is within `maxLineBytes`. */
  let parts: Buffer[] = [];
  let lineBytes = 0;
  let lineStart = options.from.offset;
  let number = options.from.line;
  let carry: Buffer | null = null;

  const hold = (piece: Buffer): void => {
    lineBytes += piece.length;
    if (lineBytes > options.maxLineBytes) parts = [];
    // Copied: the stream may reuse its buffers.
    else if (piece.length > 0) parts.push(Buffer.from(piece));
  };
  const finish = (tail: Buffer, breakBytes: number): FileLine => {
    const total = lineBytes + tail.length;
    const bytes = total - breakBytes;
    let text: string | null = null;
    if (bytes <= options.maxLineBytes) {
      const whole = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
      text = decodeLine(whole.subarray(0, bytes), options.encoding);
      if (text.endsWith('\r')) text = text.slice(0, -1);
    }
    lineStart += total;
    number += 1;
    parts = [];
    lineBytes = 0;
    return { number, text, bytes, end: { offset: lineStart, line: number } };
  };

  for await (const received of chunks) {
    // UTF-16 is split on whole 16-bit units, so its two-byte line break never straddles two chunks.
    let chunk: Buffer = carry ? Buffer.concat([carry, received]) : received;
    carry = null;
    if (unit === 2 && chunk.length % 2 === 1) {
      carry = Buffer.from(chunk.subarray(chunk.length - 1));
      chunk = chunk.subarray(0, chunk.length - 1);
    }
    let start = 0;
    for (let end = lineBreakEnd(chunk, start, unit, bigEndian); end !== -1; end = lineBreakEnd(chunk, start, unit, bigEndian)) {
      yield finish(chunk.subarray(start, end), unit);
      start = end;
    }
    hold(chunk.subarray(start));
  }
  if (carry) hold(carry);
  // The last line, when the file does not end with a line break.
  if (lineBytes > 0) yield finish(Buffer.alloc(0), 0);
}

/** Index just past the next line break at or after `start`, or -1. */
function lineBreakEnd(chunk: Buffer, start: number, unit: 1 | 2, bigEndian: boolean): number {
  for (let at = chunk.indexOf(0x0a, start); at !== -1; at = chunk.indexOf(0x0a, at + 1)) {
    if (unit === 1) return at + 1;
    if (!bigEndian && at % 2 === 0 && chunk[at + 1] === 0) return at + 2;
    if (bigEndian && at % 2 === 1 && chunk[at - 1] === 0) return at + 1;
  }
  return -1;
}

function decodeLine(bytes: Buffer, encoding: string): string {
  return encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, encoding, { stripBOM: false });
}
