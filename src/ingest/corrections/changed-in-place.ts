import type { Article } from '../article.js';

/** Whether an article's title or text differ from the version stored: updated in place (its date, links or position may change freely). */
export function changedInPlace(stored: Pick<Article, 'title' | 'paragraphs'>, article: Pick<Article, 'title' | 'paragraphs'>): boolean {
  return stored.title !== article.title || stored.paragraphs.join('\n') !== article.paragraphs.join('\n');
}
