import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../src/ingest/html/decode-html.js';

const TEXT = '株洲日报：炎陵黄桃种植面积达到12万亩，罗䶮、谭𠀾报道。';
const page = (head: string) => `<html><head>${head}<title>测试</title></head><body><p>${TEXT}</p></body></html>`;

describe('decodeHtml', () => {
  it('uses the charset of the Content-Type header (GBK read as GB18030)', () => {
    const bytes = iconv.encode(page(''), 'gb18030');
    const result = decodeHtml(bytes, 'text/html; charset=GBK');
    expect(result).toMatchObject({ encoding: 'gb18030', from: 'header' });
    expect(result.text).toContain(TEXT);
  });

  it('uses <meta charset> and http-equiv when the header has none', () => {
    for (const head of ['<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />']) {
      const result = decodeHtml(iconv.encode(page(head), 'gb18030'), 'text/html');
      expect(result).toMatchObject({ encoding: 'gb18030', from: 'declaration' });
      expect(result.text).toContain(TEXT);
    }
  });

  it('reads the encoding of an XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="GB2312"?><rss version="2.0"><channel><title>${TEXT}</title></channel></rss>`;
    expect(decodeHtml(iconv.encode(xml, 'gb18030'), 'application/rss+xml').text).toContain(TEXT);
  });

  it('detects the encoding when nothing declares it', () => {
    const result = decodeHtml(iconv.encode(page(''), 'gb18030'), null);
    expect(result.from).toBe('detected');
    expect(result.text).toContain(TEXT);
    expect(decodeHtml(Buffer.from(page(''), 'utf8'), null)).toMatchObject({ encoding: 'utf-8', text: page('') });
  });

  it('ignores a header claiming UTF-8 for bytes that are not UTF-8', () => {
    const result = decodeHtml(iconv.encode(page('<meta charset="gbk">'), 'gb18030'), 'text/html; charset=utf-8');
    expect(result.from).toBe('declaration');
    expect(result.text).toContain(TEXT);
  });

  it('lets a byte-order mark win', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('<meta charset="gbk">'), 'utf8')]);
    const result = decodeHtml(bytes, 'text/html; charset=gbk');
    expect(result.from).toBe('bom');
    expect(result.text.startsWith('<html>')).toBe(true);
  });
});
