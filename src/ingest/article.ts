/** An article as parsed from a source, before chunking. Stored text is never normalized. */
export interface Article {
  /** Stable id: the record's own id, else derived from source + title. */
  id: string;
  title: string;
  subtitle: string | null;
  /** Body paragraphs, cleaned (layout repaired, bylines and furniture removed). */
  paragraphs: string[];
  /** Publication date as YYYY-MM-DD, or null when unknown (never invented). */
  date: string | null;
  url: string | null;
  authors: string[];
  section: string | null;
  /** Where it came from: a file path (relative as given) or a URL; JSON records add `#<n>`. */
  source: string;
  /** Photo caption / credit lines, kept as metadata. */
  photoCaption: string | null;
  /** Position of the article in its source (page order), 0-based; used by digests. */
  position: number;
}

/** One failure while reading a source; the rest of the source keeps going. */
export interface IngestError {
  source: string;
  message: string;
}

/** What a parser returns for one source: the articles it could read and the errors for the rest. */
export interface ParsedSource {
  articles: Article[];
  errors: IngestError[];
}
