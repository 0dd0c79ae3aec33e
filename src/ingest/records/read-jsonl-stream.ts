import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Article, IngestError } from '../article.js';
import { createIdAllocator } from '../create-id-allocator.js';
import { errorCode } from '../error-code.js';
import { detectStreamEncoding } from '../lines/detect-stream-encoding.js';
import { readLines, type StreamPosition } from '../lines/read-lines.js';
import { NotTextError } from '../not-text-error.js';
import { TextEncodingError } from '../text-encoding-error.js';
import { readJsonlLine } from './read-jsonl-line.js';

/** Options for `readJsonlStream`. */
export interface ReadJsonlStreamOptions {
  /** Where to read the file when `filePath` is only its display name. Default: `filePath`. */
  readFrom?: string;
  /** Date for records that carry none (`--date`), else null. */
  date: string | null;
  /** Resume here (a checkpoint): the lines before it are not read at all. Default: the start of the file. */
  from?: JsonlPosition | null;
  /** Bytes of the file's start the encoding is detected on. Default 64 KiB. */
  headBytes?: number;
  /** Bytes per read. Default 1 MiB. */
  highWaterMark?: number;
  /** Longest record line, in bytes; a longer one is an error for that line. Default 64 MiB. */
  maxLineBytes?: number;
  /** Called with the bytes read so far (from the start of the file, resumed part included). */
  onBytesRead?: (offset: number) => void;
}

/** A position in a JSON Lines file, with the records (non-blank lines) before it, which number the next record. */
export interface JsonlPosition extends StreamPosition {
  records: number;
}

/** One line's outcome: an article or the reason it was rejected, and where the next line starts. */
export type JsonlItem = ({ article: Article; error?: undefined } | { article?: undefined; error: IngestError }) & { end: JsonlPosition };

export const JSONL_STREAM_DEFAULTS = { headBytes: 64 * 1024, highWaterMark: 1024 * 1024, maxLineBytes: 64 * 1024 * 1024 } as const;

/**
 * Reads a JSON Lines export record by record as it streams from disk, so a file of any size is read in
 * bounded memory: the encoding is detected on the file's head, each line is decoded and parsed on its
 * own, and a bad line is an error naming its line number while the rest goes on. A file that cannot be
 * read or decoded yields one error (at `end` 0) and nothing else.
 */
export async function* readJsonlStream(filePath: string, options: ReadJsonlStreamOptions): AsyncGenerator<JsonlItem> {
  const file = options.readFrom ?? filePath;
  const fileError = (message: string): JsonlItem => ({ error: { source: filePath, message }, end: { offset: 0, line: 0, records: 0 } });
  let encoding: string;
  let bomLength: number;
  try {
    ({ encoding, bomLength } = detectStreamEncoding(...(await readHead(file, options.headBytes ?? JSONL_STREAM_DEFAULTS.headBytes))));
  } catch (error) {
    if (error instanceof NotTextError) {
      yield fileError(`${filePath} is binary, not text (${(error.controlByteRatio * 100).toFixed(1)}% NUL or control bytes in its first bytes); nothing was stored from it`);
    } else if (error instanceof TextEncodingError) {
      yield fileError(`could not detect the text encoding of ${filePath} (best guess ${error.guessedEncoding ?? 'none'}); save it as UTF-8`);
    } else yield fileError(`cannot read file: ${errorCode(error)}`);
    return;
  }

  const from = options.from ?? { offset: bomLength, line: 0, records: 0 };
  const maxLineBytes = options.maxLineBytes ?? JSONL_STREAM_DEFAULTS.maxLineBytes;
  const stream = createReadStream(file, { start: from.offset, highWaterMark: options.highWaterMark ?? JSONL_STREAM_DEFAULTS.highWaterMark });
  const allocateId = createIdAllocator(filePath);
  let records = from.records;
  try {
    for await (const line of readLines(stream, { encoding, from, maxLineBytes })) {
      options.onBytesRead?.(line.end.offset);
      if (line.text === null) {
        const message = `line ${line.number}: ${line.bytes} bytes, over the limit of ${maxLineBytes} for one record; split the record`;
        records += 1;
        yield { error: { source: `${filePath}#${line.number}`, message }, end: { ...line.end, records } };
        continue;
      }
      if (line.text.trim().length === 0) continue;
      const result = readJsonlLine(line.text, { filePath, date: options.date, lineNumber: line.number, position: records, allocateId });
      records += 1;
      const end = { ...line.end, records };
      yield result.article ? { article: result.article, end } : { error: result.error, end };
    }
  } catch (error) {
    yield fileError(`cannot read file: ${errorCode(error)}`);
  } finally {
    stream.destroy();
  }
}

/** The first `length` bytes of the file, and whether that is the whole file. */
async function readHead(file: string, length: number): Promise<[Buffer, boolean]> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return [buffer.subarray(0, bytesRead), bytesRead < length];
  } finally {
    await handle.close();
  }
}
