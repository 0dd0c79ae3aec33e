import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../../src/ingest/html/parse-html-file.js';
import { fixtureText } from '../fetch/test-server.js';

let directory: string;

beforeAll(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-html-'));
});

afterAll(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('parseHtmlFile', () => {
  it('reads a saved GB18030 page: text, canonical url, date and authors; source is the path', async () => {
    const filePath = path.join(directory, 'yanling-peach.html');
    fs.writeFileSync(filePath, iconv.encode(fixtureText('gb18030-page.html', ''), 'gb18030'));
    const { articles, errors } = await parseHtmlFile(filePath);
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      title: '炎陵黄桃种植面积达到12万亩',
      url: 'https://news.example.cn/2026-04/21/yanling-peach.html',
      date: '2026-04-21',
      authors: ['罗䶮', '谭𠀾'],
      source: filePath,
    });
    expect(articles[0]?.paragraphs[0]).toContain('全县黄桃种植面积已达到12万亩');
  });

  it('uses the given date only when the page has none', async () => {
    const filePath = path.join(directory, 'undated.html');
    fs.writeFileSync(filePath, fixtureText('pocket-parks.html', 'https://x.example').replace(/<meta property="article:published_time"[^>]*>/, ''));
    const { articles } = await parseHtmlFile(filePath, { date: '2026-04-20' });
    expect(articles[0]?.date).toBe('2026-04-20');
  });

  it('reports a missing file or an empty page as an error', async () => {
    const missing = await parseHtmlFile(path.join(directory, 'nope.html'));
    expect(missing.articles).toEqual([]);
    expect(missing.errors[0]?.message).toContain('cannot read file: ENOENT');
    const emptyPath = path.join(directory, 'empty.html');
    fs.writeFileSync(emptyPath, '<html><body></body></html>');
    expect((await parseHtmlFile(emptyPath)).errors[0]?.message).toContain('no readable article text');
  });
});
