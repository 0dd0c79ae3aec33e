import type { Quantity } from '../../text/numbers/quantity.js';
import type { TextSpan } from '../../text/text-span.js';

/** A sentence of an article prepared for alignment: clauses and figures located, text folded for matching. */
export interface ArchiveSentence {
  /** Position in the article: headings first, then the body, duplicates removed. */
  index: number;
  /** As published. */
  text: string;
  /** Folded (simplified, half-width, lower case) for word matching; same length as `text` in practice. */
  normalized: string;
  /** Clauses, offsets relative to `text`. */
  clauses: TextSpan[];
  /** Figures, offsets relative to `text`. */
  quantities: Quantity[];
  /** A title or subtitle line rather than body text. */
  isHeading: boolean;
}

/** An article a claim is checked against: the retrieved one, as whole as the archive gives it. */
export interface ArchiveArticle {
  articleId: string;
  title: string;
  subtitle: string | null;
  date: string | null;
  url: string | null;
  /** Rank of the article's best passage in retrieval, 0 = best. */
  rank: number;
  sentences: ArchiveSentence[];
  /** Folded title + subtitle. */
  normalizedHeading: string;
  /** Folded text of every sentence, for "is this word anywhere in the article". */
  normalizedText: string;
}
