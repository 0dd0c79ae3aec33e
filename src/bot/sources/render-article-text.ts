import type { StoredArticle } from '../../store/article-store.js';

export interface RenderArticleTextOptions {
  /** Written in place of the date when the article has none. */
  undated: string;
}

/** A whole article as plain text for a .txt file: title, subtitle, date · address or source, authors, paragraphs. */
export function renderArticleText(article: StoredArticle, options: RenderArticleTextOptions): string {
  const header = [article.title];
  if (article.subtitle) header.push(article.subtitle);
  header.push(`${article.date ?? options.undated} · ${article.url ?? article.source}`);
  if (article.authors.length > 0) header.push(article.authors.join('、'));
  const body = article.paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0);
  return `${[header.join('\n'), ...body].join('\n\n')}\n`;
}
