import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../src/ingest/parse-source-file.js';

let directory: string;
const file = (name: string) => path.join(directory, name);

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'newsbot-parse-source-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const PAGE = '## 新桥通车\n\n江城晚报全媒体记者/林小舟\n\n新桥今天正式通车，全长一千二百米。\n';

describe('parseSourceFile: pages', () => {
  it('reads a markdown page, taking the date from the file name', async () => {
    await writeFile(file('jiangcheng-2025-04-23.md'), PAGE);
    const { articles, errors } = await parseSourceFile(file('jiangcheng-2025-04-23.md'), {});
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ title: '新桥通车', authors: ['林小舟'], date: '2025-04-23', source: file('jiangcheng-2025-04-23.md') });
  });

  it('reads a compact YYYYMMDD date from the file name', async () => {
    await writeFile(file('page_20250423_01.txt'), PAGE);
    const { articles } = await parseSourceFile(file('page_20250423_01.txt'), {});
    expect(articles[0]?.date).toBe('2025-04-23');
  });

  it('prefers the date option, and leaves the date null when there is none', async () => {
    await writeFile(file('plain.markdown'), PAGE);
    expect((await parseSourceFile(file('jiangcheng-2025-04-23.md'), { date: '2024-01-02' })).articles[0]?.date).toBe('2024-01-02');
    expect((await parseSourceFile(file('plain.markdown'), { date: null })).articles[0]?.date).toBeNull();
  });

  it('rejects a malformed date option instead of storing it', async () => {
    const { errors } = await parseSourceFile(file('plain.markdown'), { date: 'yesterday' });
    expect(errors[0]?.message).toMatch(/invalid date/);
  });

  it('decodes a GB18030 page', async () => {
    await writeFile(file('gb.txt'), iconv.encode(PAGE, 'gb18030'));
    const { articles, errors } = await parseSourceFile(file('gb.txt'), {});
    expect(errors).toEqual([]);
    expect(articles[0]?.paragraphs).toEqual(['新桥今天正式通车，全长一千二百米。']);
  });

  it('reports a binary file as not text instead of ingesting garbage', async () => {
    const garbage = Buffer.alloc(4000);
    for (let index = 0; index < garbage.length; index++) garbage[index] = (index * 7919) % 256;
    await writeFile(file('binary.txt'), garbage);
    const { articles, errors } = await parseSourceFile(file('binary.txt'), {});
    expect(articles).toEqual([]);
    expect(errors[0]?.message).toMatch(/binary\.txt is binary, not text/);
  });
});

describe('parseSourceFile: failures are results, not exceptions', () => {
  it('reports an unknown extension', async () => {
    await writeFile(file('notes.pdf'), 'x');
    const { errors } = await parseSourceFile(file('notes.pdf'), {});
    expect(errors).toEqual([{ source: file('notes.pdf'), message: expect.stringMatching(/unsupported file type "\.pdf"/) }]);
  });

  it('reports a file that cannot be read', async () => {
    expect((await parseSourceFile(file('missing.md'), {})).errors[0]?.message).toBe('cannot read file: ENOENT');
    await mkdir(file('folder.md'));
    expect((await parseSourceFile(file('folder.md'), {})).errors[0]?.message).toBe('cannot read file: EISDIR');
  });

  it('refuses a page or JSON file over the size read whole, pointing to JSON Lines, and reads one at the limit', async () => {
    const records = JSON.stringify([{ title: '新桥通车', body: '新桥今天正式通车。' }]);
    await writeFile(file('export.json'), records);
    const bytes = Buffer.byteLength(records);
    const over = await parseSourceFile(file('export.json'), { maxFileBytes: bytes - 1 });
    expect(over.articles).toEqual([]);
    expect(over.errors[0]?.message).toMatch(/export\.json is 0\.0 MiB, over the limit .* read whole .*JSON Lines \(\.jsonl/);
    expect((await parseSourceFile(file('export.json'), { maxFileBytes: bytes })).articles.map((article) => article.title)).toEqual(['新桥通车']);
  });
});

describe('parseSourceFile: JSON Lines', () => {
  it('ingests the good records and names file and line of the bad ones', async () => {
    const lines = [
      JSON.stringify({ id: 101, title: '第一条', body: '第一段。\n\n第二段。', date: '2025-04-23T22:30:00+08:00', authors: '林小舟, 白石' }),
      '{"title": "坏行", "body": ',
      JSON.stringify({ body: '没有标题的记录。' }),
      '',
      JSON.stringify({ title: '第四条', content: '正文。', date: '2025年4月3日', url: 'https://example.cn/4', section: '要闻' }),
    ];
    await writeFile(file('export.jsonl'), lines.join('\n'));
    const { articles, errors } = await parseSourceFile(file('export.jsonl'), {});
    expect(articles.map((article) => [article.id, article.title, article.date, article.source])).toEqual([
      ['101', '第一条', '2025-04-23', `${file('export.jsonl')}#1`],
      [expect.stringMatching(/^[0-9a-f]{12}$/), '第四条', '2025-04-03', `${file('export.jsonl')}#5`],
    ]);
    expect(articles[0]).toMatchObject({ paragraphs: ['第一段。', '第二段。'], authors: ['林小舟', '白石'] });
    expect(articles[1]).toMatchObject({ url: 'https://example.cn/4', section: '要闻' });
    expect(errors).toEqual([
      { source: `${file('export.jsonl')}#2`, message: expect.stringMatching(/^line 2: invalid JSON/) },
      { source: `${file('export.jsonl')}#3`, message: 'line 3: missing "title"' },
    ]);
  });

  it('treats .ndjson the same way', async () => {
    await writeFile(file('export.ndjson'), `${JSON.stringify({ title: '甲', body: '乙。' })}\n`);
    expect((await parseSourceFile(file('export.ndjson'), {})).articles).toHaveLength(1);
  });
});

describe('parseSourceFile: JSON', () => {
  it('reads an array, ingesting good records and reporting bad ones by record number', async () => {
    const records = [
      { title: '第一条', body: '正文一。' },
      { title: 42, body: '标题不是字符串。' },
      { title: '缺正文' },
      { title: '第四条', body: '正文四。', date: 'not a date', authors: ['林小舟'] },
      'not a record',
    ];
    await writeFile(file('export.json'), JSON.stringify(records));
    const { articles, errors } = await parseSourceFile(file('export.json'), {});
    expect(articles.map((article) => [article.title, article.date, article.position])).toEqual([
      ['第一条', null, 0],
      ['第四条', null, 3],
    ]);
    expect(errors).toEqual([
      { source: `${file('export.json')}#2`, message: 'record 2: "title" must be a string' },
      { source: `${file('export.json')}#3`, message: 'record 3: missing "body" (or "content")' },
      { source: `${file('export.json')}#5`, message: expect.stringMatching(/^record 5: expected an object/) },
    ]);
  });

  it('reads an object with an "articles" array and a single record', async () => {
    await writeFile(file('wrapped.json'), JSON.stringify({ articles: [{ title: '甲', body: '正文。' }] }));
    await writeFile(file('single.json'), JSON.stringify({ title: '乙', content: ['第一段。', '第二段。'], subtitle: '副题' }));
    expect((await parseSourceFile(file('wrapped.json'), {})).articles.map((article) => article.title)).toEqual(['甲']);
    const single = (await parseSourceFile(file('single.json'), {})).articles[0];
    expect(single).toMatchObject({ title: '乙', subtitle: '副题', paragraphs: ['第一段。', '第二段。'], source: `${file('single.json')}#1` });
  });

  it('derives the same id for a record without id wherever it sits in the file', async () => {
    await writeFile(
      file('order-a.json'),
      JSON.stringify([
        { title: '甲', body: '一。' },
        { title: '乙', body: '二。' },
      ]),
    );
    const first = (await parseSourceFile(file('order-a.json'), {})).articles;
    await writeFile(
      file('order-a.json'),
      JSON.stringify([
        { title: '乙', body: '二。' },
        { title: '甲', body: '一。' },
      ]),
    );
    const second = (await parseSourceFile(file('order-a.json'), {})).articles;
    expect(second.find((article) => article.title === '甲')?.id).toBe(first.find((article) => article.title === '甲')?.id);
  });

  it('reports a malformed JSON file once', async () => {
    await writeFile(file('broken.json'), '[{"title": "甲", ');
    const { articles, errors } = await parseSourceFile(file('broken.json'), {});
    expect(articles).toEqual([]);
    expect(errors).toEqual([{ source: file('broken.json'), message: expect.stringMatching(/^invalid JSON/) }]);
  });

  it('uses the date option for records without a date', async () => {
    await writeFile(
      file('undated.json'),
      JSON.stringify([
        { title: '甲', body: '一。' },
        { title: '乙', body: '二。', date: '2025-01-05' },
      ]),
    );
    const { articles } = await parseSourceFile(file('undated.json'), { date: '2025-04-23' });
    expect(articles.map((article) => article.date)).toEqual(['2025-04-23', '2025-01-05']);
  });
});

describe('parseSourceFile: encodings', () => {
  it('ingests the sample page saved as UTF-16LE without a byte order mark like its UTF-8 original', async () => {
    const original = await readFile(new URL('../../data/zhuzhou-daily-page.md', import.meta.url), 'utf8');
    await writeFile(file('page-utf8.md'), original);
    // What `iconv -f UTF-8 -t UTF-16LE` writes: no byte order mark.
    await writeFile(file('page-utf16le.md'), iconv.encode(original, 'utf-16le'));
    const fromUtf8 = await parseSourceFile(file('page-utf8.md'), { date: '2026-04-23' });
    const fromUtf16 = await parseSourceFile(file('page-utf16le.md'), { date: '2026-04-23' });
    expect(fromUtf16.errors).toEqual([]);
    expect(fromUtf16.articles.length).toBeGreaterThan(5);
    const withoutSource = (parsed: typeof fromUtf8) => parsed.articles.map(({ id: _id, source: _source, ...article }) => article);
    expect(withoutSource(fromUtf16)).toEqual(withoutSource(fromUtf8));
  });
});
