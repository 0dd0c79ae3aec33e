import path from 'node:path';
import type { Article, IngestError, ParsedSource } from '../ingest/article.js';
import { listSourceFiles } from '../ingest/list-source-files.js';
import { SOURCE_EXTENSIONS } from '../ingest/source-extensions.js';
import { parseSourceFile } from '../ingest/parse-source-file.js';
import { parseHtmlFile } from '../ingest/html/parse-html-file.js';
import { ingestUrl } from '../ingest/feed/ingest-url.js';
import { refuseOversizedArticles } from '../ingest/refuse-oversized-articles.js';
import { cleanParsedSource } from '../ingest/clean-parsed-source.js';
import { noUnsafeCharacters, type UnsafeCharacterCounts } from '../text/remove-unsafe-characters.js';
import { redactUrlCredentials } from '../net/redact-url-credentials.js';
import type { FetchOptions } from '../ingest/fetch/fetch-options.js';

export interface ReadSourcesOptions {
  /** Publication date for sources that carry none (`--date`). */
  date: string | null;
  /** Anchors relative paths, so a file's source name is the same whatever path spelling was used. */
  cwd: string;
  fetch: FetchOptions;
  /** Longest article body accepted, in characters (`MAX_ARTICLE_CHARS`); longer ones become errors. Default: no limit. */
  maxArticleChars?: number;
  onSourceRead?: (done: number, total: number) => void;
  /**
   * Leaves JSON Lines files unread and lists them in `jsonlFiles`, for the caller to stream through
   * `ingestJsonlFile` (any size, resumable). Default false: they are read here like the rest.
   */
  streamJsonl?: boolean;
}

/** A JSON Lines file left to stream: its path as shown and stored, and where to read it. */
export interface JsonlSourceFile {
  source: string;
  file: string;
}

export interface ReadSourcesResult {
  articles: Article[];
  errors: IngestError[];
  /** Sources read completely, without errors: articles they no longer hold can be removed. */
  completeSources: string[];
  /** Control characters, bidi overrides and lone surrogates removed from the articles (see `cleanParsedSource`). */
  removedCharacters: UnsafeCharacterCounts;
  /** With `streamJsonl`: the JSON Lines files not read here. */
  jsonlFiles: JsonlSourceFile[];
}

/** Reads files, folders and URLs into articles; one bad source or record never stops the rest. */
export async function readSources(inputs: readonly string[], options: ReadSourcesOptions): Promise<ReadSourcesResult> {
  const urls = inputs.filter((input) => /^https?:\/\//i.test(input));
  const paths = inputs.filter((input) => !/^https?:\/\//i.test(input)).map((input) => path.resolve(options.cwd, input));
  const listed = await listSourceFiles(paths);
  const result: ReadSourcesResult = {
    articles: [],
    errors: [...listed.errors.map((error) => ({ ...error, source: displayPath(error.source, options.cwd) }))],
    completeSources: [],
    removedCharacters: noUnsafeCharacters(),
    jsonlFiles: [],
  };
  const streamed = options.streamJsonl ? listed.files.filter((file) => SOURCE_EXTENSIONS[path.extname(file).toLowerCase() as keyof typeof SOURCE_EXTENSIONS] === 'jsonl') : [];
  result.jsonlFiles = streamed.map((file) => ({ source: displayPath(file, options.cwd), file }));
  const streamedFiles = new Set(streamed);
  const files = listed.files.filter((file) => !streamedFiles.has(file));
  const total = files.length + urls.length;
  let done = 0;
  const collect = (source: string, read: ParsedSource): void => {
    const cleaned = cleanParsedSource(read);
    const parsed = options.maxArticleChars === undefined ? cleaned : refuseOversizedArticles(cleaned, options.maxArticleChars);
    result.articles.push(...parsed.articles);
    result.errors.push(...parsed.errors);
    for (const kind of ['control', 'bidi', 'loneSurrogate'] as const) result.removedCharacters[kind] += cleaned.removedCharacters[kind];
    // Stored articles name their source without the credentials of its URL (cleanParsedSource redacted theirs).
    if (parsed.errors.length === 0) result.completeSources.push(redactUrlCredentials(source));
    options.onSourceRead?.(++done, total);
  };
  for (const file of files) {
    const source = displayPath(file, options.cwd);
    const parsed = /\.html?$/i.test(file)
      ? await parseHtmlFile(source, { date: options.date, readFrom: file })
      : await parseSourceFile(source, { date: options.date, readFrom: file });
    collect(source, parsed);
  }
  for (const url of urls) collect(url, await ingestUrl(url, { date: options.date, fetch: options.fetch }));
  return result;
}

/** Paths inside the working directory are shown and stored relative to it. */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
