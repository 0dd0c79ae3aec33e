import { describe, expect, it } from 'vitest';
import { extractArticleFromHtml } from '../../../src/ingest/html/extract-article-from-html.js';
import { fixtureText } from '../fetch/test-server.js';

const BASE = 'https://news.example.cn';

describe('extractArticleFromHtml', () => {
  it('extracts the body and Open Graph / article metadata, leaving out navigation and furniture', () => {
    const article = extractArticleFromHtml(fixtureText('pocket-parks.html', BASE), `${BASE}/articles/pocket-parks.html?utm_source=feed`);
    expect(article).not.toBeNull();
    expect(article).toMatchObject({
      title: '湘江风光带新增三处口袋公园',
      date: '2026-04-23',
      url: `${BASE}/articles/pocket-parks.html`,
      authors: ['陈思远'],
      section: '城建',
      source: `${BASE}/articles/pocket-parks.html?utm_source=feed`,
      photoCaption: '建设码头口袋公园一角。陈思远 摄',
      position: 0,
    });
    expect(article?.paragraphs[0]).toMatch(/^本报讯 4月22日，湘江风光带/);
    expect(article?.paragraphs.some((paragraph) => paragraph.includes('河西片区新建口袋公园五处'))).toBe(true);
    const text = article?.paragraphs.join('\n') ?? '';
    for (const furniture of ['版权所有', '相关阅读', '首页', '建设码头口袋公园一角']) expect(text).not.toContain(furniture);
    expect(article?.id).toMatch(/^web-[0-9a-f]{16}$/);
  });

  it('reads JSON-LD NewsArticle metadata and resolves a relative canonical link', () => {
    const html = fixtureText('night-clinic.html', BASE).replace(`${BASE}/articles/night-clinic.html`, '/articles/night-clinic.html');
    const article = extractArticleFromHtml(html, `${BASE}/articles/night-clinic.html?from=rss`);
    expect(article).toMatchObject({
      title: '市中心医院开通夜间门诊',
      date: '2026-04-22',
      url: `${BASE}/articles/night-clinic.html`,
      authors: ['刘芳', '周杰'],
      section: '健康',
    });
    expect(article?.paragraphs).toHaveLength(3);
  });

  it('gives the same id for the same canonical URL, whatever the tracking parameters', () => {
    const html = fixtureText('night-clinic.html', BASE);
    const first = extractArticleFromHtml(html, `${BASE}/articles/night-clinic.html?utm_source=a`);
    const second = extractArticleFromHtml(html, `${BASE}/articles/night-clinic.html#top`);
    expect(first?.id).toBe(second?.id);
  });

  it('splits <br>-separated lines into paragraphs and never invents a date', () => {
    const body = ['第一段：市政府召开常务会议，研究部署春季农业生产工作。', '第二段：会议要求抓好粮食生产，稳定播种面积。', '第三段：各区县要压实责任，确保措施落地见效。'];
    const html = `<html><head><title>常务会议</title></head><body><div class="content"><p>${body.map((line) => `&nbsp;&nbsp;${line.repeat(3)}`).join('<br><br>')}</p></div></body></html>`;
    const article = extractArticleFromHtml(html, null, { source: 'saved.html' });
    expect(article?.paragraphs).toEqual(body.map((line) => line.repeat(3)));
    expect(article?.date).toBeNull();
    expect(article?.url).toBeNull();
    expect(article?.source).toBe('saved.html');
    expect(extractArticleFromHtml(html, null, { date: '2026-04-20' })?.date).toBe('2026-04-20');
  });

  it('returns null for a page without readable text', () => {
    expect(extractArticleFromHtml('<html><head><title>空</title></head><body><nav><a href="/">首页</a></nav></body></html>', null)).toBeNull();
  });
});
