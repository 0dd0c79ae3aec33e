import type { StoredChunk } from '../store/article-store.js';
import type { Passage } from '../retrieval/passage.js';

/**
 * The passages with the best passage's article read on: its chunks the search did not return follow, in the article's
 * order, ranked as the best passage (they are read because their article is the best), at most `budget` of them. For
 * a question whose asked-for kind of fact no retrieved sentence holds: the answer is often a few paragraphs below the words that found the article (法院判决…赔偿2000元
 * four chunks below 被告), and the search returns at most a few chunks of one article.
 */
export function withRestOfBestArticle(passages: readonly Passage[], articleChunks: (articleId: string) => readonly StoredChunk[], budget: number): Passage[] {
  const best = passages[0];
  if (!best || budget <= 0) return [...passages];
  const read = new Set(passages.map((passage) => passage.id));
  const unread = articleChunks(best.articleId)
    .filter((chunk) => !read.has(chunk.id))
    .slice(0, budget);
  const ranked = { score: best.score, keywordRank: best.keywordRank, vectorRank: best.vectorRank, similarity: null, bm25: null };
  return [...passages, ...unread.map((chunk) => ({ ...chunk, ...ranked }))];
}
