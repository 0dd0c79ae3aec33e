import type { Passage, Retriever } from '../../src/retrieval/passage.js';

/** A passage of an invented article, as the retriever would return it. */
export function passage(articleId: string, title: string, text: string, date: string | null = null): Passage {
  return {
    id: articleId.length,
    articleId,
    ordinal: 0,
    text,
    heading: title,
    title,
    subtitle: null,
    date,
    url: null,
    source: `报社/${articleId}`,
    score: 1,
    keywordRank: 1,
    vectorRank: null,
    similarity: null,
    bm25: null,
  };
}

/** A retriever that returns the given passages, in order, for every question. */
export function fixedRetriever(passages: Passage[]): Retriever {
  return { search: async () => passages };
}
