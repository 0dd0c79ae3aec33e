import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestUrl } from '../../../src/ingest/feed/ingest-url.js';
import type { FetchOptions } from '../../../src/ingest/fetch/fetch-options.js';
import { fixtureText, serveFixture, startTestServer, type TestServer } from '../fetch/test-server.js';

const fetchOptions: FetchOptions = { allowPrivateAddresses: true, timeoutMs: 2_000 };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    '/rss.xml': serveFixture('rss-full-text.xml', 'application/rss+xml; charset=utf-8'),
    '/atom.xml': serveFixture('atom-linked.xml', 'application/atom+xml'),
    '/articles/pocket-parks.html': serveFixture('pocket-parks.html', 'text/html; charset=utf-8'),
    '/articles/night-clinic.html': serveFixture('night-clinic.html', 'text/html; charset=utf-8'),
    '/gb-meta.html': (_request, response, current) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(iconv.encode(fixtureText('gb18030-page.html', current.baseUrl), 'gb18030'));
    },
    '/gb-header.html': (_request, response, current) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=GB18030' });
      response.end(iconv.encode(fixtureText('gb18030-page.html', current.baseUrl).replace(/<meta http-equiv[^>]*>/, ''), 'gb18030'));
    },
    '/undated.html': (_request, response, current) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(fixtureText('pocket-parks.html', current.baseUrl).replace(/<meta property="article:published_time"[^>]*>/, ''));
    },
    '/malformed.xml': serveFixture('malformed.xml', 'application/rss+xml'),
    '/untyped-feed': (_request, response, current) => {
      response.writeHead(200);
      response.end(fixtureText('rss-full-text.xml', current.baseUrl));
    },
    '/with-404.xml': (_request, response, current) => {
      response.writeHead(200, { 'content-type': 'application/atom+xml' });
      response.end(fixtureText('atom-linked.xml', current.baseUrl).replace('articles/night-clinic.html', 'articles/gone.html'));
    },
    '/slow.xml': () => {
      // Never answers.
    },
    '/pdf': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end('%PDF-1.4');
    },
    '/loop': (_request, response) => {
      response.writeHead(302, { location: '/loop' });
      response.end();
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe('ingestUrl', () => {
  it('ingests an RSS 2.0 feed with full text without fetching the item pages', async () => {
    const { articles, errors } = await ingestUrl(`${server.baseUrl}/rss.xml`, { fetch: fetchOptions });
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({
      title: '株洲轨道交通装备产业集群产值突破1500亿元',
      url: `${server.baseUrl}/news/rail-cluster.html`,
      source: `${server.baseUrl}/news/rail-cluster.html`,
      date: '2026-04-23',
      authors: ['王晓明'],
      section: '经济',
      position: 0,
    });
    expect(articles[0]?.paragraphs).toHaveLength(3);
    expect(articles[0]?.paragraphs[0]).toMatch(/^本报讯 4月22日/);
    expect(articles[1]?.position).toBe(1);
    expect(server.hits('/news/rail-cluster.html')).toHaveLength(0);
  });

  it('ingests an Atom feed whose items need their pages fetched, feed metadata first', async () => {
    const { articles, errors } = await ingestUrl(`${server.baseUrl}/atom.xml`, { fetch: fetchOptions });
    expect(errors).toEqual([]);
    expect(articles.map((article) => article.title)).toEqual(['湘江风光带新增三处口袋公园', '市中心医院开通夜间门诊']);
    expect(articles[0]).toMatchObject({ date: '2026-04-23', authors: ['陈思远'], section: '城建', photoCaption: '建设码头口袋公园一角。陈思远 摄' });
    expect(articles[0]?.paragraphs.join('')).toContain('新增绿地面积约1.8万平方米');
    expect(articles[1]).toMatchObject({ date: '2026-04-22', authors: ['刘芳'], section: '健康', url: `${server.baseUrl}/articles/night-clinic.html` });
    expect(server.hits('/articles/pocket-parks.html').length).toBeGreaterThan(0);
  });

  it('gives a feed item and its page ingested directly the same id', async () => {
    const fromFeed = await ingestUrl(`${server.baseUrl}/atom.xml`, { fetch: fetchOptions });
    const direct = await ingestUrl(`${server.baseUrl}/articles/night-clinic.html`, { fetch: fetchOptions });
    expect(direct.articles[0]?.id).toBe(fromFeed.articles[1]?.id);
  });

  it('ingests a direct article URL with its page metadata', async () => {
    const { articles, errors } = await ingestUrl(`${server.baseUrl}/articles/night-clinic.html`, { fetch: fetchOptions });
    expect(errors).toEqual([]);
    expect(articles[0]).toMatchObject({
      title: '市中心医院开通夜间门诊',
      date: '2026-04-22',
      authors: ['刘芳', '周杰'],
      url: `${server.baseUrl}/articles/night-clinic.html`,
      source: `${server.baseUrl}/articles/night-clinic.html`,
    });
  });

  it('decodes GB18030 pages from the meta tag or the header', async () => {
    for (const pathname of ['/gb-meta.html', '/gb-header.html']) {
      const { articles, errors } = await ingestUrl(`${server.baseUrl}${pathname}`, { fetch: fetchOptions });
      expect(errors).toEqual([]);
      expect(articles[0]?.title).toBe('炎陵黄桃种植面积达到12万亩');
      expect(articles[0]?.authors).toEqual(['罗䶮', '谭𠀾']);
      expect(articles[0]?.paragraphs.join('')).toContain('果品保鲜期由原来的7天延长到20天以上');
    }
  });

  it('uses the given date only for an article that carries none', async () => {
    const undated = await ingestUrl(`${server.baseUrl}/undated.html`, { fetch: fetchOptions, date: '2026-04-20' });
    expect(undated.articles[0]?.date).toBe('2026-04-20');
    expect((await ingestUrl(`${server.baseUrl}/undated.html`, { fetch: fetchOptions })).articles[0]?.date).toBeNull();
    const dated = await ingestUrl(`${server.baseUrl}/rss.xml`, { fetch: fetchOptions, date: '2026-04-20' });
    expect(dated.articles.map((article) => article.date)).toEqual(['2026-04-23', '2026-04-23']);
  });

  it('recognizes a feed served without a Content-Type', async () => {
    const { articles } = await ingestUrl(`${server.baseUrl}/untyped-feed`, { fetch: fetchOptions });
    expect(articles).toHaveLength(2);
  });

  it('reports a malformed feed as one error', async () => {
    const result = await ingestUrl(`${server.baseUrl}/malformed.xml`, { fetch: fetchOptions });
    expect(result.articles).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ source: `${server.baseUrl}/malformed.xml` });
    expect(result.errors[0]?.message).toMatch(/malformed feed/);
  });

  it('reports a 404 item and keeps the other items', async () => {
    const { articles, errors } = await ingestUrl(`${server.baseUrl}/with-404.xml`, { fetch: fetchOptions });
    expect(articles.map((article) => article.title)).toEqual(['湘江风光带新增三处口袋公园']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.source).toBe(`${server.baseUrl}/articles/gone.html`);
    expect(errors[0]?.message).toMatch(/市中心医院开通夜间门诊.*404/);
  });

  it('reports a slow server, a redirect loop, non-HTML content and a blocked address as errors', async () => {
    const cases: Array<[string, RegExp, FetchOptions]> = [
      ['/slow.xml', /no complete response within 200 ms/, { ...fetchOptions, timeoutMs: 200 }],
      ['/loop', /redirects/, fetchOptions],
      ['/pdf', /application\/pdf/, fetchOptions],
      ['/rss.xml', /FETCH_ALLOW_PRIVATE/, { timeoutMs: 2_000 }],
    ];
    for (const [pathname, message, options] of cases) {
      const result = await ingestUrl(`${server.baseUrl}${pathname}`, { fetch: options });
      expect(result.articles).toEqual([]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.message).toMatch(message);
    }
  });
});
