import { parseMediaType } from '../fetch/media-type.js';

const FEED_MEDIA_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml']);

/** True when a response is a feed: an XML/RSS/Atom Content-Type, or a body that opens like one. */
export function looksLikeFeed(contentType: string | null, text: string): boolean {
  if (FEED_MEDIA_TYPES.has(parseMediaType(contentType).essence)) return true;
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512);
  return /^<\?xml/i.test(start) || /^(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(start);
}
