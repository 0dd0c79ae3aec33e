import type Database from 'better-sqlite3';
import type { ArticleCorrection, CorrectionStore, CorrectionTarget } from '../correction-store.js';

interface CorrectionRow {
  correction_id: string;
  article_id: string;
  corrected_on: string | null;
  wrong: string | null;
  corrected: string | null;
}

/** `CorrectionStore` over the archive's SQLite database (migration 9). */
export class SqliteCorrectionStore implements CorrectionStore {
  readonly #statements;

  constructor(database: Database.Database) {
    this.#statements = {
      link: database.prepare(
        `INSERT INTO article_corrections (correction_id, article_id, corrected_on, wrong, corrected) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (correction_id) DO UPDATE SET article_id = excluded.article_id, corrected_on = excluded.corrected_on,
           wrong = excluded.wrong, corrected = excluded.corrected`,
      ),
      of: database.prepare('SELECT * FROM article_corrections WHERE article_id = ? ORDER BY corrected_on, correction_id'),
      byTitle: database.prepare('SELECT id, date FROM articles WHERE title = ? ORDER BY date'),
      byUrl: database.prepare('SELECT id, date FROM articles WHERE url = ? ORDER BY date'),
      markUpdated: database.prepare('INSERT INTO article_revisions (article_id, updated_on) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET updated_on = excluded.updated_on'),
      updatedOn: database.prepare('SELECT updated_on FROM article_revisions WHERE article_id = ?').pluck(),
    };
  }

  linkCorrection(correction: ArticleCorrection): void {
    this.#statements.link.run(correction.correctionId, correction.articleId, correction.correctedOn, correction.wrong, correction.corrected);
  }

  correctionsOf(articleId: string): ArticleCorrection[] {
    return (this.#statements.of.all(articleId) as CorrectionRow[]).map((row) => ({
      correctionId: row.correction_id,
      articleId: row.article_id,
      correctedOn: row.corrected_on,
      wrong: row.wrong,
      corrected: row.corrected,
    }));
  }

  findTargets(by: { title?: string | null; url?: string | null }): CorrectionTarget[] {
    if (by.url) {
      const found = this.#statements.byUrl.all(by.url) as CorrectionTarget[];
      if (found.length > 0) return found;
    }
    return by.title ? (this.#statements.byTitle.all(by.title) as CorrectionTarget[]) : [];
  }

  markUpdated(articleId: string, day: string): void {
    this.#statements.markUpdated.run(articleId, day);
  }

  updatedOn(articleId: string): string | null {
    return (this.#statements.updatedOn.get(articleId) as string | undefined) ?? null;
  }
}
