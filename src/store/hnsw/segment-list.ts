import path from 'node:path';
import { readJsonFile } from './read-json-file.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** The index directory's list of segments, oldest first; the last one is open for additions, the others sealed. */
export const SEGMENT_LIST_FILE = 'segments.json';
const SEGMENT_LIST_FORMAT = 1;

/** The first segment is the index directory itself, so an index of one segment is laid out as before segments. */
export const ROOT_SEGMENT = '.';

/** Folder name of the segment that follows segment number `ordinal` (1, 2, …) inside the index directory. */
export function segmentName(ordinal: number): string {
  return `segment-${String(ordinal).padStart(6, '0')}`;
}

/** Raised when `segments.json` exists but cannot be understood: guessing the list could hide vectors. */
export class SegmentListError extends Error {
  readonly file: string;
  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`the vector index's segment list ${file} is unreadable: ${reason}; run "newsbot reindex" to rebuild the index`, options);
    this.name = 'SegmentListError';
    this.file = file;
  }
}

/** The segment names of an index directory; one segment (the directory itself) when there is no list (an index saved before segments). */
export function readSegmentList(dir: string): string[] {
  const file = path.join(dir, SEGMENT_LIST_FILE);
  const value = readJsonFile(file, (reason, cause) => {
    throw new SegmentListError(file, reason, { cause });
  });
  if (value === undefined) return [ROOT_SEGMENT];
  const record = value as { format?: unknown; segments?: unknown } | null;
  if (record?.format !== SEGMENT_LIST_FORMAT) throw new SegmentListError(file, `format ${String(record?.format)} is not ${SEGMENT_LIST_FORMAT}`);
  const segments = record.segments;
  if (!Array.isArray(segments) || segments.length === 0 || segments[0] !== ROOT_SEGMENT || !segments.every(isSegmentName)) {
    throw new SegmentListError(file, 'segments is not a list of segment folders starting with "."');
  }
  return segments;
}

/** Writes the list through a temporary file and a rename; the last entry is the open segment. */
export function writeSegmentList(dir: string, segments: readonly string[]): void {
  writeFileAtomic(path.join(dir, SEGMENT_LIST_FILE), `${JSON.stringify({ format: SEGMENT_LIST_FORMAT, segments }, null, 2)}\n`);
}

function isSegmentName(value: unknown): value is string {
  return value === ROOT_SEGMENT || (typeof value === 'string' && /^segment-\d{6,}$/.test(value));
}
