import type { Article } from '../ingest/article.js';
import { readCorrection } from '../ingest/corrections/read-correction.js';
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
 * Runs `index` over `articles` (a list or a stream, passed through as it is read), then marks the ones already
 * stored whose title or text changed (updated in place, same id) and links the correction notices among them to the
 * articles they correct. Only those two kinds are kept until the end, so a stream stays a stream.
 */
export async function withCorrections<T>(
  articles: Iterable<Article> | AsyncIterable<Article>,
  deps: WithCorrectionsDeps,
  index: (articles: AsyncIterable<Article>) => Promise<T>,
): Promise<T> {
  const changed: string[] = [];
  const notices: Article[] = [];
  async function* watched(): AsyncGenerator<Article> {
    for await (const article of articles) {
      // Compared before `index` writes it: the stored row is still the earlier version.
      const stored = deps.store.getArticle(article.id);
      if (stored !== null && (stored.title !== article.title || stored.paragraphs.join('\n') !== article.paragraphs.join('\n'))) changed.push(article.id);
      if (readCorrection(article)) notices.push(article);
      yield article;
    }
  }
  const result = await index(watched());
  for (const id of changed) deps.corrections.markUpdated(id, deps.today);
  linkCorrections(notices, deps.corrections);
  return result;
}
