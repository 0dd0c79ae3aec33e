import type { Article } from '../ingest/article.js';
import { changedInPlace } from '../ingest/corrections/changed-in-place.js';
import { readCorrection } from '../ingest/corrections/read-correction.js';
import type { ArticleStore } from '../store/article-store.js';
import type { SqlCorrectionLinks } from '../store/sql/sql-correction-links.js';

/** Articles whose names are looked up among the recorded notices at once. */
const NAMES_PER_PAGE = 500;

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
 * the articles.) Only notices and the articles an earlier notice names are kept until the end (looked up a page at a
 * time as they pass), so a stream stays a stream in bounded memory.
 */
export async function withCorrections<T>(
  articles: Iterable<Article> | AsyncIterable<Article>,
  deps: WithCorrectionsDeps,
  index: (articles: AsyncIterable<Article>) => Promise<T>,
): Promise<T> {
  const changed: string[] = [];
  const kept: Article[] = [];
  let page: Article[] = [];
  const keepNamed = async (): Promise<void> => {
    kept.push(...(await deps.links.namedByNotices(page)));
    page = [];
  };
  async function* watched(): AsyncGenerator<Article> {
    for await (const article of articles) {
      // Compared before `index` writes it: the stored row is still the earlier version.
      const stored = deps.store.getArticle(article.id);
      if (stored !== null && changedInPlace(stored, article)) changed.push(article.id);
      if (readCorrection(article)) kept.push(article);
      else page.push({ ...article, paragraphs: [] });
      if (page.length >= NAMES_PER_PAGE) await keepNamed();
      yield article;
    }
    await keepNamed();
  }
  const result = await index(watched());
  await deps.links.markUpdated(changed, deps.today);
  await deps.links.link(kept);
  return result;
}
