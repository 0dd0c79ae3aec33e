// The row mapping of `article_corrections`, shared by both backends and by the replica's copy of it.
import type { ArticleCorrection } from './correction-store.js';

/** An `article_corrections` row. */
export interface CorrectionRow {
  correction_id: string;
  article_id: string;
  corrected_on: string | null;
  wrong: string | null;
  corrected: string | null;
}

/** Links a notice (`?` × 5 in `correctionValues` order), replacing an earlier link of the same notice; SQLite and PostgreSQL alike. */
export const UPSERT_CORRECTION = `INSERT INTO article_corrections (correction_id, article_id, corrected_on, wrong, corrected) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (correction_id) DO UPDATE SET article_id = excluded.article_id, corrected_on = excluded.corrected_on,
    wrong = excluded.wrong, corrected = excluded.corrected`;

/** Records an article updated in place (`?` × 2: article id, day); SQLite and PostgreSQL alike. */
export const UPSERT_REVISION = 'INSERT INTO article_revisions (article_id, updated_on) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET updated_on = excluded.updated_on';

/** The parameters of `UPSERT_CORRECTION`. */
export function correctionValues(correction: ArticleCorrection): [string, string, string | null, string | null, string | null] {
  return [correction.correctionId, correction.articleId, correction.correctedOn, correction.wrong, correction.corrected];
}

export function toArticleCorrection(row: CorrectionRow): ArticleCorrection {
  return { correctionId: row.correction_id, articleId: row.article_id, correctedOn: row.corrected_on, wrong: row.wrong, corrected: row.corrected };
}
