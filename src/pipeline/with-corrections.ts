import type { Article } from '../ingest/article.js';
import { changedInPlace } from '../ingest/corrections/changed-in-place.js';
import type { ArticleStore } from '../store/article-store.js';
import type { SqlCorrectionLinks } from '../store/sql/sql-correction-links.js';

export interface WithCorrectionsDeps {
  store: Pick<ArticleStore, 'getArticle'>;
  links: SqlCorrectionLinks;
  /** The day an article changed in place is marked with (YYYY-MM-DD). */
  today: string;
}

/**
 * SQLite archive: runs `index` over `articles`, then marks the ones already stored whose title or text changed (updated
 * in place, same id) and links the correction notices among them, and the earlier ones naming them, to the articles
 * they correct. (PostgreSQL does both in the transaction that writes the articles.)
 */
export async function withCorrections<T>(articles: readonly Article[], deps: WithCorrectionsDeps, index: () => Promise<T>): Promise<T> {
  const changed = articles.filter((article) => {
    const stored = deps.store.getArticle(article.id);
    return stored !== null && changedInPlace(stored, article);
  });
  const result = await index();
  await deps.links.markUpdated(
    changed.map((article) => article.id),
    deps.today,
  );
  await deps.links.link(articles);
  return result;
}
