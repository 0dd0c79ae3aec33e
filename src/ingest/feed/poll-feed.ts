import { noUnsafeCharacters, type UnsafeCharacterCounts } from '../../text/remove-unsafe-characters.js';
import { cleanParsedSource } from '../clean-parsed-source.js';
import type { Article, IngestError } from '../article.js';
import type { FetchOptions } from '../fetch/fetch-options.js';
import type { FeedState } from './feed-state-store.js';
import { readUrl } from './read-url.js';

/** One feed's poll before indexing: the new or changed articles, and the state to keep once they are indexed. */
export interface FeedPollRead {
  status: 'not-modified' | 'read';
  articles: Article[];
  errors: IngestError[];
  /** Unchanged items seen again. */
  unchangedItems: number;
  /** Unsafe characters removed from the articles (see `cleanParsedSource`). */
  removedCharacters: UnsafeCharacterCounts;
  nextState: FeedState;
}

/**
 * Reads one feed conditionally, leaving out items whose fingerprint is already known. When an
 * item fails, the validators are dropped from the next state, so the next poll reads the feed
 * in full and retries that item (known items are still skipped).
 */
export async function pollFeed(url: string, state: FeedState, fetchOptions: FetchOptions, minFullTextChars?: number): Promise<FeedPollRead> {
  const seenAgain: Record<string, string> = {};
  const result = await readUrl(url, {
    fetch: { ...fetchOptions, etag: state.etag, lastModified: state.lastModified },
    ...(minFullTextChars === undefined ? {} : { minFullTextChars }),
    skipItem: (articleId, fingerprint) => {
      if (state.items[articleId] !== fingerprint) return false;
      seenAgain[articleId] = fingerprint;
      return true;
    },
  });
  if (result.kind === 'not-modified') {
    return { status: 'not-modified', articles: [], errors: [], unchangedItems: 0, removedCharacters: noUnsafeCharacters(), nextState: state };
  }
  const items = { ...seenAgain };
  if (result.kind === 'feed') {
    for (const outcome of result.outcomes) if (outcome.ok) items[outcome.articleId] = outcome.fingerprint;
  }
  const complete = result.errors.length === 0;
  const cleaned = cleanParsedSource(result);
  return {
    status: 'read',
    articles: cleaned.articles,
    errors: cleaned.errors,
    unchangedItems: Object.keys(seenAgain).length,
    removedCharacters: cleaned.removedCharacters,
    nextState: { etag: complete ? result.etag : null, lastModified: complete ? result.lastModified : null, items },
  };
}
