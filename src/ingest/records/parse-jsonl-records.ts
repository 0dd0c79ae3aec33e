import type { Article, IngestError, ParsedSource } from '../article.js';
import { createIdAllocator } from '../create-id-allocator.js';
import type { ParseRecordsOptions } from './parse-json-records.js';
import { readRecord } from './read-record.js';

/**
 * Reads JSON Lines / NDJSON: one record per line, blank lines skipped. Records are numbered by
 * line (`file#<line>`), so an error points at the line to fix; a bad line never stops the others.
 */
export function parseJsonlRecords(text: string, options: ParseRecordsOptions): ParsedSource {
  const articles: Article[] = [];
  const errors: IngestError[] = [];
  const allocateId = createIdAllocator(options.filePath);
  let recordIndex = 0;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    const lineNumber = index + 1;
    const position = recordIndex++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      errors.push({ source: `${options.filePath}#${lineNumber}`, message: `line ${lineNumber}: invalid JSON (${reason})` });
      return;
    }
    const result = readRecord(value, {
      filePath: options.filePath,
      number: lineNumber,
      unit: 'line',
      position,
      fallbackDate: options.date,
      allocateId,
    });
    if (result.article) articles.push(result.article);
    else errors.push(result.error);
  });
  return { articles, errors };
}
