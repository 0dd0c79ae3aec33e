import type { Article, IngestError, ParsedSource } from '../article.js';
import { createIdAllocator } from '../create-id-allocator.js';
import { readRecord } from './read-record.js';

/** Options shared by the JSON and JSONL readers. */
export interface ParseRecordsOptions {
  filePath: string;
  /** Date for records that carry none (the caller's `--date`), else null. */
  date: string | null;
}

/**
 * Reads a JSON export: an array of records, an object with an `articles` array, or a single record.
 * Each bad record becomes an error naming `file#<n>`; the others are still read.
 */
export function parseJsonRecords(text: string, options: ParseRecordsOptions): ParsedSource {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fileError(options.filePath, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }

  let records: unknown[];
  if (Array.isArray(document)) records = document;
  else if (isObject(document) && Array.isArray(document.articles)) records = document.articles;
  else if (isObject(document) && ('title' in document || 'body' in document || 'content' in document)) records = [document];
  else {
    return fileError(options.filePath, 'expected an array of article records, an object with an "articles" array, or a single record with "title" and "body"');
  }

  const articles: Article[] = [];
  const errors: IngestError[] = [];
  const allocateId = createIdAllocator(options.filePath);
  records.forEach((value, index) => {
    const result = readRecord(value, {
      filePath: options.filePath,
      number: index + 1,
      unit: 'record',
      position: index,
      fallbackDate: options.date,
      allocateId,
    });
    if (result.article) articles.push(result.article);
    else errors.push(result.error);
  });
  return { articles, errors };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function fileError(source: string, message: string): ParsedSource {
  return { articles: [], errors: [{ source, message }] };
}
