/** What a fact check concludes about a claim. */
export type Verdict = 'supported' | 'contradicted' | 'not_found';

/** A sentence of a published article that decides (part of) the verdict. */
export interface Evidence {
  articleId: string;
  title: string;
  /** Publication date YYYY-MM-DD, or null when unknown. */
  date: string | null;
  url: string | null;
  /** The sentence(s) holding the figure, as published. */
  quote: string;
}

/** One figure of the claim set against the archive's figure for the same slot. */
export interface FigureComparison {
  /** As written in the claim: "702家". */
  claim: string;
  /** As written in the archive: "602家"; null when no passage states this slot. */
  archive: string | null;
  matches: boolean;
  /** Title of the article holding the archive figure (null with `archive`). */
  articleTitle: string | null;
  date: string | null;
}

/** The result of `checkClaim`. */
export interface CheckResult {
  verdict: Verdict;
  /** Quotes behind the verdict; empty for `not_found`. */
  evidence: Evidence[];
  /** One line: the verdict, the figures side by side, the article title and date. */
  explanation: string;
  comparisons: FigureComparison[];
}
