import type { Article } from '../ingest/article.js';
import { changedInPlace } from '../ingest/corrections/changed-in-place.js';
import { readCorrection } from '../ingest/corrections/read-correction.js';
import type { ArticleStore } from '../store/article-store.js';
import type { SqlCorrectionLinks } from '../store/sql/sql-correction-links.js';

export interface WithCorrectionsDeps {
  store: Pick<ArticleStore, 'getArticle'>;
  links: SqlCorrectionLinks;
  /** The day an article changed in place is marked with (YYYY-MM-DD). */
  today: string;
}

/**
 * SQLite archive: runs `index` over `articles` (a list or a stream, passed through as it is read), then marks the ones
 * already stored whose title or text changed (updated in place, same id) and links the correction notices among them,
 * and the earlier ones naming them, to the articles they correct. (PostgreSQL does both in the transaction that writes
 * the articles.) Notices are kept whole until the end, every other article only by its names (title, address), so a
 * stream stays a stream.
 */
export async function withCorrections<T>(
  articles: Iterable<Article> | AsyncIterable<Article>,
  deps: WithCorrectionsDeps,
  index: (articles: AsyncIterable<Article>) => Promise<T>,
): Promise<T> {
  const changed: string[] = [];
  const named: Article[] = [];
  async function* watched(): AsyncGenerator<Article> {
    for await (const article of articles) {
      // Compared before `index` writes it: the stored row is still the earlier version.
      const stored = deps.store.getArticle(article.id);
      if (stored !== null && changedInPlace(stored, article)) changed.push(article.id);
      named.push(readCorrection(article) ? article : { ...article, paragraphs: [] });
      yield article;
    }
  }
  const result = await index(watched());
  await deps.links.markUpdated(changed, deps.today);
  await deps.links.link(named);
  return result;
}
