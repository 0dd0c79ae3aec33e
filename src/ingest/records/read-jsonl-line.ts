import type { ParseRecordsOptions } from './parse-json-records.js';
import { readRecord, type ReadRecordResult } from './read-record.js';

/** Where a JSON Lines record sits in its file. */
export interface JsonlLineContext extends ParseRecordsOptions {
  /** 1-based line number, named in errors. */
  lineNumber: number;
  /** 0-based order among the file's non-blank lines. */
  position: number;
  allocateId: (title: string) => string;
}

/** One non-blank line of a JSON Lines file: its article, or the reason (invalid JSON, a bad record) naming the line. */
export function readJsonlLine(line: string, context: JsonlLineContext): ReadRecordResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { error: { source: `${context.filePath}#${context.lineNumber}`, message: `line ${context.lineNumber}: invalid JSON (${reason})` } };
  }
  return readRecord(value, {
    filePath: context.filePath,
    number: context.lineNumber,
    unit: 'line',
    position: context.position,
    fallbackDate: context.date,
    allocateId: context.allocateId,
  });
}
