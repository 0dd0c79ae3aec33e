/** A passage of an article, the unit of retrieval. */
export interface Chunk {
  articleId: string;
  /** 0-based position within the article. */
  ordinal: number;
  /** Body text of the passage (whole sentences, punctuation kept). */
  text: string;
  /** Title (and subtitle) carried with the chunk for keyword and vector search. */
  heading: string;
}
