import type { Passage } from '../retrieval/passage.js';
import type { Citation } from './answer-result.js';

/** Citation `n` of a retrieved passage: its article, and the chunk it quotes. */
export function citationFromPassage(n: number, passage: Passage): Citation {
  return { n, articleId: passage.articleId, chunkId: passage.id, title: passage.title, date: passage.date, url: passage.url, source: passage.source, quote: passage.text };
}
