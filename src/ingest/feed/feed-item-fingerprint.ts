import { createHash } from 'node:crypto';
import type { FeedItem } from './parse-feed.js';

/** Changes whenever anything the feed says about an item changes; the poller skips items whose fingerprint it has seen. */
export function feedItemFingerprint(item: FeedItem): string {
  const fields = [item.title, item.link, item.guid, item.publishedText, item.updatedText, item.authors, item.section, item.contentHtml];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 32);
}
