import path from 'node:path';
import type { ParsedSource } from './article.js';
import { dateFromFileName } from './date-from-file-name.js';
import { decodeText } from './decode-text.js';
import { errorCode } from './error-code.js';
import { FileTooLargeError } from './file-too-large-error.js';
import { readWholeFile } from './read-whole-file.js';
import { parseDateText } from './parse-date-text.js';
import { parsePage } from './page/parse-page.js';
import { parseJsonlRecords } from './records/parse-jsonl-records.js';
import { parseJsonRecords } from './records/parse-json-records.js';
import { SOURCE_EXTENSIONS } from './source-extensions.js';
import { NotTextError } from './not-text-error.js';
import { TextEncodingError } from './text-encoding-error.js';

/** Options for `parseSourceFile`. */
export interface ParseSourceFileOptions {
  /** Where to read the file when `filePath` is only its display name (relative to another directory). Default: `filePath`. */
  readFrom?: string;
  /**
   * Publication date (YYYY-MM-DD) for articles that carry none. For pages it wins over a date in
   * the file name; JSON records keep their own date. Default: null (pages fall back to the file name).
   */
  date?: string | null;
  /** Largest file read (pages and JSON are read whole). Default `WHOLE_FILE_MAX_BYTES` (64 MiB). */
  maxFileBytes?: number;
}

const PARSED_HERE = ['.md', '.markdown', '.txt', '.json', '.jsonl', '.ndjson'];

/**
 * Reads one source file into articles, choosing the parser by extension: newspaper pages
 * (.md, .markdown, .txt), JSON exports (.json) and JSON Lines (.jsonl, .ndjson). Never throws for a
 * bad file or bad content: an unreadable file, an unknown extension or an undetectable encoding is an
 * error in the result, and a bad record does not stop the other records.
 */
export async function parseSourceFile(filePath: string, options: ParseSourceFileOptions = {}): Promise<ParsedSource> {
  const extension = path.extname(filePath).toLowerCase();
  const kind = Object.hasOwn(SOURCE_EXTENSIONS, extension) ? SOURCE_EXTENSIONS[extension as keyof typeof SOURCE_EXTENSIONS] : null;
  if (kind === null || kind === 'html') {
    const shown = extension.length > 0 ? `"${extension}"` : 'without an extension';
    const hint = kind === 'html' ? ' (HTML is read by the HTML parser)' : '';
    return failure(filePath, `unsupported file type ${shown}${hint}; expected ${PARSED_HERE.join(', ')}`);
  }

  let bytes: Buffer;
  try {
    bytes = await readWholeFile(options.readFrom ?? filePath, options.maxFileBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) return failure(filePath, `${filePath} is ${error.message}`);
    return failure(filePath, `cannot read file: ${errorCode(error)}`);
  }

  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    if (error instanceof NotTextError) {
      const share = `${(error.controlByteRatio * 100).toFixed(1)}% NUL or control bytes`;
      return failure(filePath, `${filePath} is binary, not text (${share}); nothing was stored from it`);
    }
    if (error instanceof TextEncodingError) {
      return failure(filePath, `could not detect the text encoding of ${filePath} (best guess ${error.guessedEncoding ?? 'none'}); save it as UTF-8`);
    }
    return failure(filePath, `cannot decode file: ${error instanceof Error ? error.message : String(error)}`);
  }

  const givenDate = options.date ? parseDateText(options.date) : null;
  if (options.date && givenDate === null) return failure(filePath, `invalid date "${options.date}"; expected YYYY-MM-DD`);
  switch (kind) {
    case 'page':
      return parsePage(text, { source: filePath, date: givenDate ?? dateFromFileName(filePath) });
    case 'json':
      return parseJsonRecords(text, { filePath, date: givenDate });
    case 'jsonl':
      return parseJsonlRecords(text, { filePath, date: givenDate });
  }
}

function failure(source: string, message: string): ParsedSource {
  return { articles: [], errors: [{ source, message }] };
}
