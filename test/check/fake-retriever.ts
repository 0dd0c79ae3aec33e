// A retriever over hand-made articles: one chunk per paragraph, scored by shared CJK character pairs.
import type { Passage, Retriever } from '../../src/retrieval/passage.js';
import type { StoredChunk } from '../../src/store/article-store.js';

export interface FakeArticle {
  id: string;
  title: string;
  subtitle?: string;
  date?: string;
  paragraphs: string[];
}

export interface FakeArchive {
  retriever: Retriever;
  readChunks: (articleId: string) => StoredChunk[];
  /** Queries the retriever was asked, in order. */
  queries: string[];
}

/** Builds the fake archive over `articles`. */
export function createFakeArchive(articles: readonly FakeArticle[]): FakeArchive {
  const chunks: StoredChunk[] = [];
  for (const article of articles) {
    article.paragraphs.forEach((text, ordinal) => {
      chunks.push({
        id: chunks.length + 1,
        articleId: article.id,
        ordinal,
        text,
        heading: `${article.title} ${article.subtitle ?? ''}`.trim(),
        title: article.title,
        subtitle: article.subtitle ?? null,
        date: article.date ?? '2026-04-23',
        url: null,
        source: 'test',
      });
    });
  }
  const queries: string[] = [];
  const retriever: Retriever = {
    async search(query, options = {}) {
      queries.push(query);
      const perArticle = new Map<string, number>();
      const passages: Passage[] = [];
      const scored = chunks
        .map((chunk) => ({ chunk, score: sharedPairs(query, chunk.heading + chunk.text) }))
        .filter((entry) => entry.score > 0)
        .sort((left, right) => right.score - left.score || left.chunk.id - right.chunk.id);
      for (const { chunk, score } of scored) {
        const taken = perArticle.get(chunk.articleId) ?? 0;
        if (taken >= (options.perArticle ?? 2)) continue;
        perArticle.set(chunk.articleId, taken + 1);
        passages.push({ ...chunk, score, keywordRank: null, vectorRank: null, similarity: null, bm25: null });
        if (passages.length >= (options.k ?? 5)) break;
      }
      return passages;
    },
  };
  return { retriever, readChunks: (articleId) => chunks.filter((chunk) => chunk.articleId === articleId), queries };
}

function sharedPairs(query: string, text: string): number {
  const pairs = new Set<string>();
  for (let index = 0; index < text.length - 1; index++) pairs.add(text.slice(index, index + 2));
  let shared = 0;
  for (let index = 0; index < query.length - 1; index++) if (pairs.has(query.slice(index, index + 2))) shared += 1;
  return shared;
}
