import type Database from 'better-sqlite3';
import { type CorrectionRow, toArticleCorrection } from '../correction-rows.js';
import type { ArticleCorrection, CorrectionStore } from '../correction-store.js';

/** `CorrectionStore` over the archive's (or a replica's) SQLite database (migration 9). */
export class SqliteCorrectionStore implements CorrectionStore {
  readonly #statements;

  constructor(database: Database.Database) {
    this.#statements = {
      of: database.prepare('SELECT * FROM article_corrections WHERE article_id = ? ORDER BY corrected_on, correction_id'),
      updatedOn: database.prepare('SELECT updated_on FROM article_revisions WHERE article_id = ?').pluck(),
    };
  }

  correctionsOf(articleId: string): ArticleCorrection[] {
    return (this.#statements.of.all(articleId) as CorrectionRow[]).map(toArticleCorrection);
  }

  updatedOn(articleId: string): string | null {
    return (this.#statements.updatedOn.get(articleId) as string | undefined) ?? null;
  }
}
