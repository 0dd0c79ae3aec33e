/** A correction notice linked to the article it corrects. */
export interface ArticleCorrection {
  /** The notice's own article id. */
  correctionId: string;
  /** The corrected article. */
  articleId: string;
  /** The notice's date (YYYY-MM-DD), or null. */
  correctedOn: string | null;
  /** The statement as printed, and as corrected; null when the notice does not quote them. */
  wrong: string | null;
  corrected: string | null;
}

/** An article seen as a candidate for what a notice corrects. */
export interface CorrectionTarget {
  id: string;
  date: string | null;
}

/**
 * Port: which articles printed corrections correct, and which were updated in place (same id, new text). Archive data,
 * not reader data. Adapter: `SqliteCorrectionStore` (the `article_corrections` and `article_revisions` tables).
 */
export interface CorrectionStore {
  /** Links a notice to the article it corrects (replacing an earlier link of the same notice). */
  linkCorrection(correction: ArticleCorrection): void;
  /** The corrections of an article, oldest first. */
  correctionsOf(articleId: string): ArticleCorrection[];
  /** Articles that may be the one a notice corrects: by exact title or web address. */
  findTargets(by: { title?: string | null; url?: string | null }): CorrectionTarget[];
  /** Records that an article's text changed in place on `day` (YYYY-MM-DD). */
  markUpdated(articleId: string, day: string): void;
  /** The last day an article was updated in place, or null. */
  updatedOn(articleId: string): string | null;
}
