import type { Citation } from '../../answer/answer-result.js';
import type { ArticleStore } from '../../store/article-store.js';

/**
 * The stored chunk a citation quotes, found by its text within the cited article, or null when the article
 * is gone. Source buttons carry this id (callback data is limited to 64 bytes; article ids may be long).
 */
export function citationChunkId(store: ArticleStore, citation: Citation): number | null {
  const chunks = store.articleChunks(citation.articleId);
  if (chunks.length === 0) return null;
  const quote = normalize(citation.quote);
  const overlaps = (text: string) => text.length > 0 && quote.length > 0 && (text.includes(quote) || quote.includes(text));
  const match = chunks.find((chunk) => normalize(chunk.text) === quote) ?? chunks.find((chunk) => overlaps(normalize(chunk.text))) ?? chunks[0]!;
  return match.id;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, '');
}
