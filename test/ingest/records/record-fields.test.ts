import { describe, expect, it } from 'vitest';
import { dateFromFileName } from '../../../src/ingest/date-from-file-name.js';
import { parseDateText } from '../../../src/ingest/parse-date-text.js';
import { splitAuthors } from '../../../src/ingest/records/split-authors.js';
import { splitRecordBody } from '../../../src/ingest/records/split-record-body.js';

describe('parseDateText', () => {
  it('accepts the date shapes exports use', () => {
    expect(parseDateText('2025-04-23')).toBe('2025-04-23');
    expect(parseDateText('2025-04-23T23:30:00+08:00')).toBe('2025-04-23');
    expect(parseDateText('2025年4月3日')).toBe('2025-04-03');
    expect(parseDateText('2025/4/3')).toBe('2025-04-03');
    expect(parseDateText(20250423)).toBe('2025-04-23');
  });

  it('returns null for anything else, including impossible days', () => {
    for (const value of ['2025-02-30', '2025-13-01', '昨天', '', '4/23/2025']) expect(parseDateText(value)).toBeNull();
  });
});

describe('dateFromFileName', () => {
  it('finds a date in the name only', () => {
    expect(dateFromFileName('pages/2025-04-23/front.md')).toBeNull();
    expect(dateFromFileName('pages/zzrb-2025-04-23-01.md')).toBe('2025-04-23');
    expect(dateFromFileName('zzrb_20250423.txt')).toBe('2025-04-23');
    expect(dateFromFileName('page-120250423.txt')).toBeNull();
    expect(dateFromFileName('page.md')).toBeNull();
  });
});

describe('record fields', () => {
  it('splits authors given as a list or a string', () => {
    expect(splitAuthors(['林小舟', ' 白石 '])).toEqual(['林小舟', '白石']);
    expect(splitAuthors('林小舟、白石')).toEqual(['林小舟', '白石']);
    expect(splitAuthors('林小舟 白石')).toEqual(['林小舟', '白石']);
    expect(splitAuthors('Jane Doe, John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(splitAuthors(null)).toEqual([]);
  });

  it('splits a body into trimmed, non-empty paragraphs', () => {
    expect(splitRecordBody('  第一段。\n\n\n第二段。\r\n第三段。  ')).toEqual(['第一段。', '第二段。', '第三段。']);
  });
});
