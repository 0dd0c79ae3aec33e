import type { ParsedSource } from './article.js';

/**
 * Moves articles whose body (paragraphs, in characters) is longer than `maxArticleChars` from
 * `articles` to `errors`, each error naming the article's source (`file.jsonl#3` for a record).
 * Such a body is a runaway export or a page that failed to split, and would flood the index.
 */
export function refuseOversizedArticles(parsed: ParsedSource, maxArticleChars: number): ParsedSource {
  const result: ParsedSource = { articles: [], errors: [...parsed.errors] };
  for (const article of parsed.articles) {
    const characters = article.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
    if (characters <= maxArticleChars) {
      result.articles.push(article);
      continue;
    }
    result.errors.push({
      source: article.source,
      message: `article "${article.title}" has a body of ${characters} characters, over the limit of ${maxArticleChars}; split it into several articles or raise MAX_ARTICLE_CHARS`,
    });
  }
  return result;
}
