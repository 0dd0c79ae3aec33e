import { parseMediaType } from '../fetch/media-type.js';
import { looksLikeFeed } from './looks-like-feed.js';

const HTML_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Decides how to read a fetched body: an HTML Content-Type means a page (even XHTML opening with
 * `<?xml`), an XML/RSS/Atom type or opening means a feed, and HTML-looking text without a type
 * means a page. Anything else is not ours to read.
 */
export function classifyResponse(contentType: string | null, text: string): 'page' | 'feed' | 'unsupported' {
  if (HTML_MEDIA_TYPES.has(parseMediaType(contentType).essence)) return 'page';
  if (looksLikeFeed(contentType, text)) return 'feed';
  if (/<(html|body|article|p)[\s>]/i.test(text.slice(0, 4096))) return 'page';
  return 'unsupported';
}
