import type { Article, IngestError, ParsedSource } from '../article.js';
import { createIdAllocator } from '../create-id-allocator.js';
import type { ParseRecordsOptions } from './parse-json-records.js';
import { readJsonlLine } from './read-jsonl-line.js';

/**
 * Reads JSON Lines / NDJSON already in memory: one record per line, blank lines skipped. Records are numbered by
 * line (`file#<line>`), so an error points at the line to fix; a bad line never stops the others. Files are read
 * as a stream by `readJsonlStream`, record by record, in the same way.
 */
export function parseJsonlRecords(text: string, options: ParseRecordsOptions): ParsedSource {
  const articles: Article[] = [];
  const errors: IngestError[] = [];
  const allocateId = createIdAllocator(options.filePath);
  let position = 0;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    const result = readJsonlLine(line, { ...options, lineNumber: index + 1, position: position++, allocateId });
    if (result.article) articles.push(result.article);
    else errors.push(result.error);
  });
  return { articles, errors };
}
