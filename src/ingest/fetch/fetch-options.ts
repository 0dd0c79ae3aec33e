import type { Config } from '../../config/config.js';
import type { HostLimiter } from './host-limiter.js';
import type { LookupFunction } from './resolve-allowed-address.js';

/** Defaults for `FetchOptions`; the environment overrides timeout, size and private addresses through `Config.feeds`. */
export const FETCH_DEFAULTS = {
  /** Whole request (connect, redirects, body) must finish within this. */
  timeoutMs: 15_000,
  /** Bodies larger than this (after decompression) are refused. */
  maxBytes: 5_000_000,
  /** Redirect hops followed before giving up. */
  maxRedirects: 5,
  /** Loopback, private, link-local and unique-local addresses are refused unless true. */
  allowPrivateAddresses: false,
  /** Identifies the bot to site operators. */
  userAgent: 'newsbot/0.1 (+https://github.com/newsbot/newsbot)',
  /** Requests in flight at once per host (politeness). */
  maxConcurrentPerHost: 2,
  /** Media types accepted; anything else is refused before its body is read. A missing Content-Type is let through for sniffing. */
  acceptedMediaTypes: [
    'text/html',
    'application/xhtml+xml',
    'application/rss+xml',
    'application/atom+xml',
    'application/rdf+xml',
    'application/xml',
    'text/xml',
  ] as readonly string[],
} as const;

/** Options for `fetchResource`; every field has a default in `FETCH_DEFAULTS`. */
export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  allowPrivateAddresses?: boolean;
  userAgent?: string;
  acceptedMediaTypes?: readonly string[];
  /** Sent as If-None-Match. */
  etag?: string | null;
  /** Sent as If-Modified-Since. */
  lastModified?: string | null;
  /** Cancels the request (e.g. when the poller stops). */
  signal?: AbortSignal;
  /** Shared per-host limiter; defaults to one limiter for the whole process. */
  limiter?: HostLimiter;
  /** DNS resolution, replaceable in tests; defaults to `dns.lookup`. */
  lookup?: LookupFunction;
}

/** The fetch settings the environment controls, taken from `Config.feeds`. */
export function fetchOptionsFromConfig(feeds: Config['feeds']): FetchOptions {
  return {
    timeoutMs: feeds.timeoutMs,
    maxBytes: feeds.maxBytes,
    allowPrivateAddresses: feeds.allowPrivateAddresses,
  };
}
