import type { Article, IngestError } from '../ingest/article.js';
import { cleanParsedSource } from '../ingest/clean-parsed-source.js';
import { errorCode } from '../ingest/error-code.js';
import { fileIdentity } from '../ingest/file-identity.js';
import { readJsonlStream, type JsonlPosition, type ReadJsonlStreamOptions } from '../ingest/records/read-jsonl-stream.js';
import { refuseOversizedArticles } from '../ingest/refuse-oversized-articles.js';
import type { IngestCheckpointStore } from '../store/ingest-checkpoint-store.js';
import { noUnsafeCharacters, type UnsafeCharacterCounts } from '../text/remove-unsafe-characters.js';
import type { IndexArticlesOptions } from './archive.js';
import type { IndexSummary } from './index-articles.js';
import { CHUNKING_VERSION } from './content-hash.js';

export interface IngestJsonlFileDeps {
  /** `archive.indexArticles`: takes the file's articles as a stream. */
  indexArticles: (articles: AsyncIterable<Article>, options: IndexArticlesOptions) => Promise<IndexSummary>;
  checkpoints: IngestCheckpointStore;
}

export interface IngestJsonlFileOptions {
  /** The file's path as shown and stored (relative to the working directory when inside it). */
  source: string;
  /** Where to read it. */
  file: string;
  /** Publication date for records that carry none (`--date`). */
  date: string | null;
  /** Longest article body accepted, in characters (`MAX_ARTICLE_CHARS`). Default: no limit. */
  maxArticleChars?: number;
  /** Called with the bytes read so far. */
  onBytesRead?: (offset: number) => void;
  /** Called before reading when an earlier run committed part of the same file: the read starts at `from`. */
  onResume?: (from: JsonlPosition) => void;
  signal?: AbortSignal;
  /** Reader settings (chunk size, head, line limit); tests read in tiny chunks. */
  read?: Pick<ReadJsonlStreamOptions, 'highWaterMark' | 'headBytes' | 'maxLineBytes'>;
}

export interface IngestJsonlFileResult {
  summary: IndexSummary;
  errors: IngestError[];
  removedCharacters: UnsafeCharacterCounts;
  /** Ids of the articles read in this run (for removing the ones the file no longer holds). */
  articleIds: Set<string>;
  /** Where this run started when an earlier one had committed part of the same file; null when read from the start. */
  resumedFrom: JsonlPosition | null;
}

/**
 * Ingests one JSON Lines file of any size as a stream: records are read, cleaned and indexed in the pipeline's
 * bounded batches, and after every committed batch the file's checkpoint (byte offset, line, records) is
 * written, keyed by the file's path and identity. A later run over the same file, read with the same settings
 * (`--date`, `MAX_ARTICLE_CHARS`, chunking version), starts at its checkpoint, so committed records are neither
 * read nor parsed again; a changed file or setting starts over. The checkpoint is written
 * just after its batch commits: a crash between the two re-reads that one batch, which the content hashes then
 * find unchanged.
 */
export async function ingestJsonlFile(deps: IngestJsonlFileDeps, options: IngestJsonlFileOptions): Promise<IngestJsonlFileResult> {
  const result: Omit<IngestJsonlFileResult, 'summary'> = { errors: [], removedCharacters: noUnsafeCharacters(), articleIds: new Set(), resumedFrom: null };
  let identity: string;
  try {
    // The same file read the same way: another --date, article cap or chunking reads it again.
    identity = `${await fileIdentity(options.file)}|${JSON.stringify([options.date, options.maxArticleChars ?? null, CHUNKING_VERSION])}`;
  } catch (error) {
    result.errors.push({ source: options.source, message: `cannot read file: ${errorCode(error)}` });
    return { ...result, summary: { added: 0, updated: 0, unchanged: 0, chunks: 0 } };
  }
  const saved = await deps.checkpoints.get(options.source);
  const from = saved?.fileIdentity === identity ? { offset: saved.byteOffset, line: saved.lineNumber, records: saved.records } : null;
  result.resumedFrom = from;
  if (from) options.onResume?.(from);

  // Where the stream stood when each article was handed on: article k is committed → the file is, up to positions[k].
  const positions: JsonlPosition[] = [];
  let dropped = 0;
  let consumed: JsonlPosition = from ?? { offset: 0, line: 0, records: 0 };
  let finished = false;
  // Never at 0: a checkpoint is past a committed line (a resumed read must not start before a byte-order mark).
  let checkpointed = from?.offset ?? 0;
  async function* articles(): AsyncGenerator<Article> {
    for await (const item of readJsonlStream(options.source, { readFrom: options.file, date: options.date, from, onBytesRead: options.onBytesRead, ...options.read })) {
      if (item.end.offset > 0) consumed = item.end;
      if (item.error) {
        result.errors.push(item.error);
        continue;
      }
      const cleaned = cleanParsedSource({ articles: [item.article], errors: [] });
      for (const kind of ['control', 'bidi', 'loneSurrogate'] as const) result.removedCharacters[kind] += cleaned.removedCharacters[kind];
      const parsed = options.maxArticleChars === undefined ? cleaned : refuseOversizedArticles(cleaned, options.maxArticleChars);
      result.errors.push(...parsed.errors);
      for (const article of parsed.articles) {
        result.articleIds.add(article.id);
        positions.push(consumed);
        yield article;
      }
    }
    finished = true;
  }
  const onCommitted = async (processed: number): Promise<void> => {
    const position = finished && processed === dropped + positions.length ? consumed : positions[processed - 1 - dropped];
    if (processed > dropped) {
      positions.splice(0, processed - dropped);
      dropped = processed;
    }
    if (position === undefined || position.offset <= checkpointed) return;
    await deps.checkpoints.set(options.source, { fileIdentity: identity, byteOffset: position.offset, lineNumber: position.line, records: position.records });
    checkpointed = position.offset;
  };
  const summary = await deps.indexArticles(articles(), { onCommitted, signal: options.signal });
  return { ...result, summary };
}
