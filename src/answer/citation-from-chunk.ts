import type { StoredChunk } from '../store/article-store.js';
import type { Citation } from './answer-result.js';
import { citationFromPassage } from './citation-from-passage.js';

/** Citation `n` of a stored chunk that no search returned (a correction notice, a pinned answer's article). */
export function citationFromChunk(n: number, chunk: StoredChunk): Citation {
  return citationFromPassage(n, { ...chunk, score: 0, keywordRank: null, vectorRank: null, similarity: null, bm25: null });
}
