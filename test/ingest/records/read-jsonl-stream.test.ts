import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonlStream, type JsonlItem, type ReadJsonlStreamOptions } from '../../../src/ingest/records/read-jsonl-stream.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function writeFile(bytes: Buffer): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-jsonl-stream-'));
  folders.push(folder);
  const file = path.join(folder, 'export.jsonl');
  fs.writeFileSync(file, bytes);
  return file;
}

async function readAll(file: string, options: Partial<ReadJsonlStreamOptions> = {}): Promise<JsonlItem[]> {
  const items: JsonlItem[] = [];
  for await (const item of readJsonlStream('export.jsonl', { readFrom: file, date: null, highWaterMark: 3, ...options })) items.push(item);
  return items;
}

const record = (id: string, title: string, body: string) => JSON.stringify({ id, title, body });
// Three-byte characters (株, 洲) and a four-byte one (𠀀) cross the 3-byte chunks at every offset.
const LINES = [record('a', '株洲日报', '第一段。\n第二段𠀀。'), record('b', 'Ünïcödé', 'body b'), '{"id": "c", "title": ', record('d', '湘江', '两岸')];

describe('readJsonlStream', () => {
  it('reads records across 3-byte chunks: CRLF, blank lines, multi-byte characters split between chunks, a last line without a break', async () => {
    const text = `${LINES[0]}\r\n${LINES[1]}\r\n\r\n${LINES[2]}\n${LINES[3]}`;
    const file = writeFile(Buffer.from(text));
    const items = await readAll(file);

    expect(items.flatMap((item) => (item.article ? [[item.article.id, item.article.title, item.article.paragraphs]] : []))).toEqual([
      ['a', '株洲日报', ['第一段。', '第二段𠀀。']],
      ['b', 'Ünïcödé', ['body b']],
      ['d', '湘江', ['两岸']],
    ]);
    // The malformed line is reported by its line number (the blank line 3 counts), the others read.
    const errors = items.flatMap((item) => (item.error ? [item.error] : []));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.source).toBe('export.jsonl#4');
    expect(errors[0]!.message).toMatch(/^line 4: invalid JSON/);
    expect(items.map((item) => item.article?.source ?? item.error?.source)).toEqual(['export.jsonl#1', 'export.jsonl#2', 'export.jsonl#4', 'export.jsonl#5']);
    // Positions number the non-blank lines, as reading the whole file does.
    expect(items.flatMap((item) => (item.article ? [item.article.position] : []))).toEqual([0, 1, 3]);
    expect(items.at(-1)!.end).toEqual({ offset: Buffer.byteLength(text), line: 5, records: 4 });
  });

  it('resumes at a position: the lines before it are not read, later lines keep their numbers', async () => {
    const text = `${LINES[0]}\n${LINES[1]}\n${LINES[3]}\n`;
    const file = writeFile(Buffer.from(text));
    const whole = await readAll(file);
    const afterFirst = whole[0]!.end;
    const readOffsets: number[] = [];
    const resumed = await readAll(file, { from: afterFirst, onBytesRead: (offset) => readOffsets.push(offset) });

    expect(resumed.map((item) => [item.article?.id, item.article?.source, item.article?.position])).toEqual([
      ['b', 'export.jsonl#2', 1],
      ['d', 'export.jsonl#3', 2],
    ]);
    expect(Math.min(...readOffsets)).toBeGreaterThan(afterFirst.offset);
  });

  it.each([
    ['GB18030', (text: string) => iconv.encode(text, 'gb18030')],
    ['UTF-8 with BOM', (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16LE with BOM', (text: string) => iconv.encode(text, 'utf-16le', { addBOM: true })],
    ['UTF-16BE with BOM', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
  ])('decodes %s, the encoding detected on the head only', async (_name, encode) => {
    const records = Array.from({ length: 40 }, (_, index) => record(`n${index}`, `株洲新闻第${index}号`, `湘江两岸今年新建了${index}座公园，市民纷纷前往游览。`));
    const file = writeFile(encode(`${records.join('\r\n')}\r\n`));
    // A 200-byte head holds a few records and cuts one in the middle.
    const items = await readAll(file, { headBytes: 200 });

    expect(items.filter((item) => item.error)).toEqual([]);
    expect(items.map((item) => item.article!.title)).toEqual(records.map((_, index) => `株洲新闻第${index}号`));
    expect(items[7]!.article!.paragraphs).toEqual(['湘江两岸今年新建了7座公园，市民纷纷前往游览。']);
    expect(items.at(-1)!.end.offset).toBe(fs.statSync(file).size);
  });

  it('reports a line over the byte limit without holding it, and reads on', async () => {
    const long = record('long', '长', 'x'.repeat(500));
    const file = writeFile(Buffer.from(`${LINES[1]}\n${long}\n${LINES[3]}\n`));
    const items = await readAll(file, { maxLineBytes: 100 });

    expect(items.map((item) => item.article?.id ?? item.error?.message)).toEqual([
      'b',
      `line 2: ${Buffer.byteLength(long)} bytes, over the limit of 100 for one record; split the record`,
      'd',
    ]);
  });

  it('refuses a binary file with one error and nothing else', async () => {
    const file = writeFile(Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7) % 32)));
    const items = await readAll(file);

    expect(items).toHaveLength(1);
    expect(items[0]!.error!.message).toMatch(/is binary, not text/);
  });
});
