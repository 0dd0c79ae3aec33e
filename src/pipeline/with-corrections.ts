import type { Article } from '../ingest/article.js';
import type { ArticleStore } from '../store/article-store.js';
import type { CorrectionStore } from '../store/correction-store.js';
import { linkCorrections } from './link-corrections.js';

export interface WithCorrectionsDeps {
  store: Pick<ArticleStore, 'getArticle'>;
  corrections: CorrectionStore;
  /** The day an article changed in place is marked with (YYYY-MM-DD). */
  today: string;
}

/**
 * Runs `index` over `articles`, then marks the ones already stored whose title or text changed (updated in place, same
 * id) and links the correction notices among them to the articles they correct.
 */
export async function withCorrections<T>(articles: readonly Article[], deps: WithCorrectionsDeps, index: () => Promise<T>): Promise<T> {
  const changed = articles.filter((article) => {
    const stored = deps.store.getArticle(article.id);
    return stored !== null && (stored.title !== article.title || stored.paragraphs.join('\n') !== article.paragraphs.join('\n'));
  });
  const result = await index();
  for (const article of changed) deps.corrections.markUpdated(article.id, deps.today);
  linkCorrections(articles, deps.corrections);
  return result;
}
