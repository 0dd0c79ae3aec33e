import type { Article, IngestError } from '../article.js';
import { parseDateText } from '../parse-date-text.js';
import { articleRecordSchema } from './record-schema.js';
import { splitAuthors } from './split-authors.js';
import { splitRecordBody } from './split-record-body.js';

/** Where a record sits and what it inherits from its file. */
export interface ReadRecordContext {
  filePath: string;
  /** 1-based record number (JSON) or line number (JSONL), used in `source` and in messages. */
  number: number;
  /** "record" or "line": how the number is named in error messages. */
  unit: 'record' | 'line';
  /** 0-based order of the record in its file. */
  position: number;
  /** Date given by the caller, used when the record has none. */
  fallbackDate: string | null;
  /** Derives an id from the title when the record has none. */
  allocateId: (title: string) => string;
}

/** Either the article of a record or the reason it was rejected. */
export type ReadRecordResult = { article: Article; error?: undefined } | { article?: undefined; error: IngestError };

/**
 * Validates one exported record and turns it into an `Article`. A record without a title or a body is
 * rejected with an error naming the record; an unreadable date becomes null (never guessed).
 */
export function readRecord(value: unknown, context: ReadRecordContext): ReadRecordResult {
  const source = `${context.filePath}#${context.number}`;
  const reject = (problem: string): ReadRecordResult => ({
    error: { source, message: `${context.unit} ${context.number}: ${problem}` },
  });

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return reject(`expected an object with "title" and "body", got ${describe(value)}`);
  }
  const parsed = articleRecordSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.join('.');
      return issue.message === 'missing' ? `missing "${field}"` : `"${field}" ${issue.message}`;
    });
    return reject(problems.join('; '));
  }
  const record = parsed.data;
  const title = record.title.trim();
  if (title.length === 0) return reject('empty "title"');
  const body = record.body ?? record.content;
  if (body === null || body === undefined) return reject('missing "body" (or "content")');
  const paragraphs = splitRecordBody(body);
  if (paragraphs.length === 0) return reject('empty "body"');

  const id = record.id === null || record.id === undefined ? '' : String(record.id).trim();
  return {
    article: {
      id: id.length > 0 ? id : context.allocateId(title),
      title,
      subtitle: blankToNull(record.subtitle),
      paragraphs,
      date: (record.date === null || record.date === undefined ? null : parseDateText(record.date)) ?? context.fallbackDate,
      url: blankToNull(record.url),
      authors: splitAuthors(record.authors),
      section: blankToNull(record.section),
      source,
      photoCaption: null,
      position: context.position,
    },
  };
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
