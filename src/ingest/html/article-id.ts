import { createHash } from 'node:crypto';

// Tracking parameters vary between a feed's link and a shared link to the same article.
const TRACKING_PARAMETER = /^(utm_[a-z]+|spm|from|fbclid|gclid)$/i;

/**
 * Stable id for an article known by URL (or, failing that, a feed guid): `web-` + 16 hex digits
 * of SHA-256 over the URL without fragment and tracking parameters. A feed item and the same
 * page ingested directly get the same id, so the archive keeps one copy.
 */
export function articleIdFromUrl(urlOrKey: string): string {
  return `web-${createHash('sha256').update(canonicalKey(urlOrKey)).digest('hex').slice(0, 16)}`;
}

function canonicalKey(urlOrKey: string): string {
  let url: URL;
  try {
    url = new URL(urlOrKey.trim());
  } catch {
    return urlOrKey.trim();
  }
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(name)) url.searchParams.delete(name);
  }
  return url.href;
}
