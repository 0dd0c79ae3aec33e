import { redactUrlCredentials } from '../net/redact-url-credentials.js';
import { noUnsafeCharacters, removeUnsafeCharacters, type UnsafeCharacterCounts } from '../text/remove-unsafe-characters.js';
import type { Article, ParsedSource } from './article.js';

/** What {@link cleanParsedSource} returns: the articles as they will be stored, and what was taken out of them. */
export interface CleanedSource extends ParsedSource {
  /** Characters removed from these articles, by kind (all zero for clean text). */
  removedCharacters: UnsafeCharacterCounts;
}

/**
 * The last step before articles are stored, for every way in (files, URLs, feeds):
 * - control characters (newline and tab kept), bidi overrides and lone surrogates go from every text field
 *   (title, subtitle, paragraphs, authors, section, caption, URL), so none reaches a reader through an answer,
 *   a digest or a source; the counts go into the ingest summary, so the stored text differs from the source only
 *   by what the summary says (a paragraph left empty is dropped);
 * - credentials in URLs (`https://user:password@…`) are redacted from sources, article URLs and error messages,
 *   which readers and logs see.
 */
export function cleanParsedSource(parsed: ParsedSource): CleanedSource {
  const removedCharacters = noUnsafeCharacters();
  const clean = (text: string) => removeUnsafeCharacters(text, removedCharacters);
  const cleanOptional = (text: string | null) => (text === null ? null : clean(text));
  const articles = parsed.articles.map(
    (article): Article => ({
      ...article,
      title: clean(article.title),
      subtitle: cleanOptional(article.subtitle),
      paragraphs: article.paragraphs.map(clean).filter((paragraph) => paragraph.length > 0),
      authors: article.authors.map(clean).filter((author) => author.length > 0),
      section: cleanOptional(article.section),
      photoCaption: cleanOptional(article.photoCaption),
      url: article.url === null ? null : redactUrlCredentials(clean(article.url)),
      source: redactUrlCredentials(article.source),
    }),
  );
  const errors = parsed.errors.map((error) => ({ source: redactUrlCredentials(error.source), message: redactUrlCredentials(error.message) }));
  return { articles, errors, removedCharacters };
}
