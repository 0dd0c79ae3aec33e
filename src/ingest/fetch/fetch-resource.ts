import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from './fetch-error.js';
import { FETCH_DEFAULTS, type FetchOptions } from './fetch-options.js';
import { createHostLimiter } from './host-limiter.js';
import { parseMediaType } from './media-type.js';
import { readLimitedBody } from './read-limited-body.js';
import { resolveAllowedAddress } from './resolve-allowed-address.js';
import { sendRequest } from './send-request.js';

/** What `fetchResource` returns: the body of the final hop, or `notModified` for a 304. */
export interface FetchResult {
  /** URL after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers, names lower-cased, repeated values joined with `, `. */
  headers: Record<string, string>;
  /** Decompressed body; empty when not modified. */
  body: Buffer;
  /** The Content-Type header, or null when absent. */
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** True when the server answered 304 to the conditional headers. */
  notModified: boolean;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const sharedLimiter = createHostLimiter(FETCH_DEFAULTS.maxConcurrentPerHost);

/**
 * GETs an http(s) URL with a deadline, a size cap, a redirect limit, an address guard on every
 * hop, conditional headers and per-host politeness. Every failure is a `FetchError`.
 */
export async function fetchResource(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  let current: URL;
  try {
    current = new URL(url);
  } catch (error) {
    throw new FetchError('blocked-address', url, 'not a valid URL', { cause: error });
  }
  const limiter = options.limiter ?? sharedLimiter;
  // The deadline starts once a slot is free, so waiting behind other requests to the host is not a timeout.
  return limiter.run(current.host, async () => {
    const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeoutSignal]) : timeoutSignal;
    try {
      return await followRedirects(current, options, signal);
    } catch (error) {
      if (timeoutSignal.aborted) {
        throw new FetchError('timeout', current.href, `no complete response within ${timeoutMs} ms; raise FETCH_TIMEOUT_MS if the site is slow`, { cause: error });
      }
      if (error instanceof FetchError) throw error;
      const reason = options.signal?.aborted ? 'request cancelled' : `network error: ${(error as Error).message}`;
      throw new FetchError('network', current.href, reason, { cause: error });
    }
  });
}

async function followRedirects(start: URL, options: FetchOptions, signal: AbortSignal): Promise<FetchResult> {
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const headers = requestHeaders(options);
  let current = start;
  for (let hop = 0; ; hop += 1) {
    const address = await abortable(resolveAllowedAddress(current, options.allowPrivateAddresses ?? FETCH_DEFAULTS.allowPrivateAddresses, options.lookup), signal);
    const response = await sendRequest(current, address, headers, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(status) && location) {
      response.resume();
      if (hop >= maxRedirects) {
        throw new FetchError('redirect-limit', current.href, `more than ${maxRedirects} redirects (redirect loop?)`);
      }
      current = new URL(location, current);
      continue;
    }
    if (status === 304) {
      response.resume();
      return toResult(current, response, Buffer.alloc(0));
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new FetchError('bad-status', current.href, `expected HTTP 2xx, got ${status}`, { status });
    }
    checkContentType(current, response, options.acceptedMediaTypes ?? FETCH_DEFAULTS.acceptedMediaTypes);
    const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes;
    const declaredLength = Number(response.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      response.destroy();
      throw new FetchError('too-large', current.href, `Content-Length ${declaredLength} exceeds the ${maxBytes}-byte cap; raise FETCH_MAX_BYTES to accept it`);
    }
    const body = await readLimitedBody(decompressed(response), maxBytes, current.href);
    return toResult(current, response, body);
  }
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? FETCH_DEFAULTS.userAgent,
    accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5',
    'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function checkContentType(url: URL, response: IncomingMessage, accepted: readonly string[]): void {
  const { essence } = parseMediaType(response.headers['content-type']);
  if (essence === '' || accepted.includes(essence)) return;
  response.destroy();
  throw new FetchError('unsupported-content', url.href, `expected an HTML page or a feed, got Content-Type ${essence}`);
}

function decompressed(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip() : encoding === 'deflate' ? zlib.createInflate() : encoding === 'br' ? zlib.createBrotliDecompress() : null;
  if (!decoder) return response;
  return pipeline(response, decoder, () => {
    // Errors surface through the decoder stream, which the body reader iterates.
  });
}

function toResult(url: URL, response: IncomingMessage, body: Buffer): FetchResult {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    finalUrl: url.href,
    status: response.statusCode ?? 0,
    headers,
    body,
    contentType: headers['content-type'] ?? null,
    etag: headers.etag ?? null,
    lastModified: headers['last-modified'] ?? null,
    notModified: response.statusCode === 304,
  };
}

/** Lets a DNS lookup, which takes no signal, lose the race against the deadline. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
