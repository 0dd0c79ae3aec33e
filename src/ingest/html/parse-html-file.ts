import type { ParsedSource } from '../article.js';
import { errorCode } from '../error-code.js';
import { FileTooLargeError } from '../file-too-large-error.js';
import { readWholeFile } from '../read-whole-file.js';
import { decodeHtml } from './decode-html.js';
import { extractArticleFromHtml } from './extract-article-from-html.js';

/** Options for `parseHtmlFile`. */
export interface ParseHtmlFileOptions {
  /** Date to use when the page declares none (default null). */
  date?: string | null;
  /** Where to read the file when `filePath` is only its display name (relative to another directory). Default: `filePath`. */
  readFrom?: string;
}

/**
 * Reads a saved HTML page: decodes it (meta charset, else detection), extracts the article and
 * its metadata. `source` is the file path as given; `url` comes from the canonical link or og:url.
 * Never throws: an unreadable file or a page without article text is an error in the result.
 */
export async function parseHtmlFile(filePath: string, options: ParseHtmlFileOptions = {}): Promise<ParsedSource> {
  const failure = (message: string): ParsedSource => ({ articles: [], errors: [{ source: filePath, message }] });
  let text: string;
  try {
    text = decodeHtml(await readWholeFile(options.readFrom ?? filePath), null).text;
  } catch (error) {
    if (error instanceof FileTooLargeError) return failure(`${filePath} is ${error.message}`);
    return failure(`cannot read file: ${errorCode(error)}`);
  }
  const article = extractArticleFromHtml(text, null, { source: filePath, date: options.date ?? null });
  return article ? { articles: [article], errors: [] } : failure('no readable article text found in the page');
}
