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

/**
 * Port, read side: which articles printed corrections correct, and which were updated in place (same id, new text).
 * Archive data, not reader data. Adapter: `SqliteCorrectionStore` (the `article_corrections` and `article_revisions`
 * tables of the archive, or of a PostgreSQL-mode worker's replica). They are written by `SqlCorrectionLinks` where
 * articles are written: the SQLite archive after indexing, PostgreSQL in the transaction that writes the articles.
 */
export interface CorrectionStore {
  /** The corrections of an article, oldest first. */
  correctionsOf(articleId: string): ArticleCorrection[];
  /** The last day an article was updated in place, or null. */
  updatedOn(articleId: string): string | null;
}
