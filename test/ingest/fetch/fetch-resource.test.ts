import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../../src/ingest/fetch/fetch-error.js';
import { FETCH_DEFAULTS, type FetchOptions } from '../../../src/ingest/fetch/fetch-options.js';
import { fetchResource } from '../../../src/ingest/fetch/fetch-resource.js';
import { startTestServer, type TestServer } from './test-server.js';

const LOCAL: FetchOptions = { allowPrivateAddresses: true, timeoutMs: 2_000 };
let server: TestServer;

async function fetchError(url: string, options: FetchOptions = LOCAL): Promise<FetchError> {
  const error = await fetchResource(url, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

beforeAll(async () => {
  let concurrent = 0;
  server = await startTestServer({
    '/page': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'last-modified': 'Wed, 22 Apr 2026 10:00:00 GMT' });
      response.end('<html><body><p>你好</p></body></html>');
    },
    '/conditional': (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      response.end('<rss version="2.0"></rss>');
    },
    '/gzip': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(zlib.gzipSync(Buffer.from('<p>压缩的正文</p>')));
    },
    '/slow': () => {
      // Never answers: the client's deadline must fire.
    },
    '/slow-body': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<p>start');
    },
    '/loop-a': (_request, response) => {
      response.writeHead(302, { location: '/loop-b' });
      response.end();
    },
    '/loop-b': (_request, response) => {
      response.writeHead(301, { location: '/loop-a' });
      response.end();
    },
    '/redirect-once': (_request, response) => {
      response.writeHead(301, { location: '/page' });
      response.end();
    },
    '/redirect-to-file': (_request, response) => {
      response.writeHead(302, { location: 'file:///etc/passwd' });
      response.end();
    },
    '/image': (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.alloc(100));
    },
    '/huge-declared': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': '10000' });
      response.end('x'.repeat(10_000));
    },
    '/huge-chunked': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      for (let index = 0; index < 20; index += 1) response.write('y'.repeat(1_000));
      response.end();
    },
    '/concurrent': (_request, response) => {
      concurrent += 1;
      const peak = concurrent;
      setTimeout(() => {
        concurrent -= 1;
        response.writeHead(200, { 'content-type': 'text/html', 'x-peak': String(peak) });
        response.end('<p>ok</p>');
      }, 30);
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe('fetchResource', () => {
  it('returns body, headers and validators, and identifies itself', async () => {
    const result = await fetchResource(`${server.baseUrl}/page`, LOCAL);
    expect(result.status).toBe(200);
    expect(result.body.toString('utf8')).toContain('你好');
    expect(result.contentType).toBe('text/html; charset=utf-8');
    expect(result.etag).toBe('"v1"');
    expect(result.lastModified).toBe('Wed, 22 Apr 2026 10:00:00 GMT');
    expect(result.notModified).toBe(false);
    expect(server.hits('/page')[0]?.headers['user-agent']).toBe(FETCH_DEFAULTS.userAgent);
  });

  it('sends If-None-Match / If-Modified-Since and reports 304 as not modified', async () => {
    const result = await fetchResource(`${server.baseUrl}/conditional`, { ...LOCAL, etag: '"v1"', lastModified: 'Wed, 22 Apr 2026 10:00:00 GMT' });
    expect(result.notModified).toBe(true);
    expect(result.body.length).toBe(0);
    const [request] = server.hits('/conditional');
    expect(request?.headers['if-none-match']).toBe('"v1"');
    expect(request?.headers['if-modified-since']).toBe('Wed, 22 Apr 2026 10:00:00 GMT');
  });

  it('decompresses gzip bodies', async () => {
    const result = await fetchResource(`${server.baseUrl}/gzip`, LOCAL);
    expect(result.body.toString('utf8')).toBe('<p>压缩的正文</p>');
  });

  it('follows a redirect and reports the final URL', async () => {
    const result = await fetchResource(`${server.baseUrl}/redirect-once`, LOCAL);
    expect(result.finalUrl).toBe(`${server.baseUrl}/page`);
  });

  it('stops a redirect loop at the limit', async () => {
    const error = await fetchError(`${server.baseUrl}/loop-a`, { ...LOCAL, maxRedirects: 3 });
    expect(error.kind).toBe('redirect-limit');
    expect(server.hits('/loop-a').length + server.hits('/loop-b').length).toBe(4);
  });

  it('times out on a server that never answers, and on a body that never ends', async () => {
    const started = Date.now();
    expect((await fetchError(`${server.baseUrl}/slow`, { ...LOCAL, timeoutMs: 200 })).kind).toBe('timeout');
    expect((await fetchError(`${server.baseUrl}/slow-body`, { ...LOCAL, timeoutMs: 200 })).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports HTTP errors as bad-status with the status', async () => {
    const error = await fetchError(`${server.baseUrl}/missing`);
    expect(error.kind).toBe('bad-status');
    expect(error.status).toBe(404);
  });

  it('refuses non-HTML content', async () => {
    expect((await fetchError(`${server.baseUrl}/image`)).kind).toBe('unsupported-content');
  });

  it('refuses bodies over the size cap, declared or streamed', async () => {
    expect((await fetchError(`${server.baseUrl}/huge-declared`, { ...LOCAL, maxBytes: 5_000 })).kind).toBe('too-large');
    expect((await fetchError(`${server.baseUrl}/huge-chunked`, { ...LOCAL, maxBytes: 5_000 })).kind).toBe('too-large');
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    const requestsBefore = server.requests.length;
    const blocked = await fetchError(`${server.baseUrl}/page`, { timeoutMs: 2_000 });
    expect(blocked.kind).toBe('blocked-address');
    expect(blocked.message).toContain('FETCH_ALLOW_PRIVATE');
    const byName = await fetchError('http://intranet.example/', { lookup: async () => [{ address: '192.168.3.4', family: 4 }] });
    expect(byName.kind).toBe('blocked-address');
    const mixed = await fetchError('http://mixed.example/', {
      lookup: async () => [
        { address: '8.8.8.8', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
    expect(mixed.kind).toBe('blocked-address');
    expect(server.requests.length).toBe(requestsBefore);
  });

  it('checks every redirect hop again', async () => {
    const error = await fetchError(`${server.baseUrl}/redirect-to-file`);
    expect(error.kind).toBe('blocked-address');
    expect(error.url).toBe('file:///etc/passwd');
  });

  it('only fetches http and https URLs', async () => {
    expect((await fetchError('file:///etc/passwd')).kind).toBe('blocked-address');
    expect((await fetchError('ftp://example.com/feed.xml')).kind).toBe('blocked-address');
    expect((await fetchError('not a url')).kind).toBe('blocked-address');
  });

  it('keeps at most two requests in flight per host', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => fetchResource(`${server.baseUrl}/concurrent`, LOCAL)));
    const peaks = results.map((result) => Number(result.headers['x-peak']));
    expect(Math.max(...peaks)).toBeLessThanOrEqual(2);
  });
});
