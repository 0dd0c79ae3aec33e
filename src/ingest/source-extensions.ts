/** How a source file is read, keyed by lower-case extension. HTML is listed here but parsed by `html/`. */
export const SOURCE_EXTENSIONS = {
  '.md': 'page',
  '.markdown': 'page',
  '.txt': 'page',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
} as const satisfies Record<string, string>;

/** The kinds of source file `SOURCE_EXTENSIONS` maps to. */
export type SourceKind = (typeof SOURCE_EXTENSIONS)[keyof typeof SOURCE_EXTENSIONS];
