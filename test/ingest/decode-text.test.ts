import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode-text.js';
import { NotTextError } from '../../src/ingest/not-text-error.js';

const TEXT = '## 江城晚报\n\n今年春天，全市新种树木一万两千棵，主要分布在城东和城南的新区。臺灣同胞也來參觀。';

describe('decodeText', () => {
  it('reads UTF-8', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte order mark, both byte orders', () => {
    expect(decodeText(iconv.encode(TEXT, 'utf-16le', { addBOM: true })).text).toBe(TEXT);
    expect(decodeText(iconv.encode(TEXT, 'utf-16be', { addBOM: true })).text).toBe(TEXT);
  });

  it('detects GB18030 (and so GBK/GB2312) text', () => {
    expect(decodeText(iconv.encode(TEXT, 'gb18030'))).toEqual({ text: TEXT, encoding: 'gb18030' });
    expect(decodeText(iconv.encode(TEXT, 'gbk')).text).toBe(TEXT);
  });

  it('reads a short GBK line that gives the detector little to go on', () => {
    expect(decodeText(iconv.encode('新桥通车', 'gbk')).text).toBe('新桥通车');
  });

  it('refuses bytes that no encoding turns into text', () => {
    const garbage = Buffer.alloc(4000);
    for (let index = 0; index < garbage.length; index++) garbage[index] = (index * 7919) % 256;
    // Random bytes are 11% control bytes: binary, which no text encoding explains.
    expect(() => decodeText(garbage)).toThrow(NotTextError);
    expect(() => decodeText(garbage)).toThrow(/binary, not text/);
  });

  it('refuses NUL bytes and control characters, which are valid UTF-8 but not text', () => {
    expect(() => decodeText(Buffer.alloc(2000))).toThrow(NotTextError);
    const controls = Buffer.from(Array.from({ length: 2000 }, (_, index) => [1, 2, 3, 7, 8, 27, 31][index % 7]!));
    expect(() => decodeText(controls)).toThrow(/binary, not text/);
    // Behind a byte-order mark too.
    expect(() => decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.alloc(500)]))).toThrow(NotTextError);
  });

  it('still reads text with a stray control character, and UTF-16 without a byte order mark', () => {
    const long = TEXT.repeat(20);
    expect(decodeText(Buffer.from(`${long}\u0007${long}`, 'utf8')).text).toContain('\u0007');
    expect(decodeText(iconv.encode('Hello, this is plain English text in UTF-16 without any byte order mark at all.', 'utf-16le')).text).toContain('plain English');
    expect(decodeText(iconv.encode('Plain English text in big-endian UTF-16, again without a byte order mark.', 'utf-16be')).text).toContain('big-endian');
  });

  it('reads the sample page converted to UTF-16 without a byte order mark, in both byte orders', () => {
    // As `iconv -t UTF-16LE` writes it: common CJK characters (U+4E00…) put NULs at even offsets too.
    const page = readFileSync(new URL('../../data/zhuzhou-daily-page.md', import.meta.url), 'utf8');
    expect(decodeText(iconv.encode(page, 'utf-16le'))).toEqual({ text: page, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(page, 'utf-16be'))).toEqual({ text: page, encoding: 'utf-16be' });
  });

  it('reads short CJK text in UTF-16 without a byte order mark, whichever side its NULs fall on', () => {
    const line = '一二三万丈高楼平地起，今年上半年。\n';
    expect(decodeText(iconv.encode(line, 'utf-16le')).text).toBe(line);
    expect(decodeText(iconv.encode(line, 'utf-16be')).text).toBe(line);
  });
});
