import type Database from 'better-sqlite3';
import type { KeywordHit } from '../article-store.js';
import type { QueryTerm } from './fts-query.js';
import { SINGLE_TOKEN } from './select-query-terms.js';
import { FtsDocumentLengths } from './fts-document-lengths.js';
import { rankBm25, type TermOccurrences } from './rank-bm25.js';
import { traced, type StageTrace } from '../../log/stage-trace.js';
import type { ChunkTokenLengths } from './add-common-terms.js';

/** BM25 weight of each `chunks_fts` column, as `bm25(chunks_fts, words, grams)` takes them. */
export interface ColumnWeights {
  words: number;
  grams: number;
}

/**
 * FTS5's bm25() ranking of an OR of terms, computed from the terms' postings (`chunks_fts_instances`, migration 16) and
 * the chunk lengths held in memory (`FtsDocumentLengths`): the same hits in the same order, without FTS5's read of
 * `chunks_fts_docsize` and its second pass over every posting for the IDF, which were 60% and 7% of the ranked query
 * at a million chunks (docs/performance.md). Only single-token terms: a phrase (covid-19) needs positions, so `rank`
 * returns null and the caller asks FTS5.
 */
export class Bm25PostingsRanker {
  private readonly lengths: FtsDocumentLengths;
  private readonly occurrences: Database.Statement;
  private readonly naturalLogarithm: Database.Statement;
  private readable: boolean | null = null;

  constructor(
    database: Database.Database,
    private readonly weights: ColumnWeights,
  ) {
    this.lengths = new FtsDocumentLengths(database);
    this.occurrences = database.prepare('SELECT group_concat(doc) FROM chunks_fts_instances WHERE term = ? AND col = ?').pluck();
    this.naturalLogarithm = database.prepare('SELECT ln(?)').pluck();
  }

  /** Chunks' lengths in tokens and the index's average, as bm25() takes them; null where the index cannot be read so. */
  tokenLengths(): ChunkTokenLengths | null {
    if (!this.canRead()) return null;
    const { rows, tokens } = this.lengths.totals();
    return rows > 0 ? { length: (chunkId) => this.lengths.length(chunkId), average: tokens / rows } : null;
  }

  /** The `limit` best chunks for the OR of `terms`, best first; null when these terms need FTS5 itself. */
  rank(terms: readonly QueryTerm[], limit: number, trace?: StageTrace): KeywordHit[] | null {
    if (terms.length === 0 || terms.some((term) => !SINGLE_TOKEN.test(term.text)) || !this.canRead()) return null;
    const postings = traced(trace, 'read postings', () => {
      this.lengths.catchUp();
      // Words first, then grams: the order of the phrases in `buildFtsMatch`'s query, so the sums add up the same way.
      const ordered = [...terms.filter((term) => term.column === 'words'), ...terms.filter((term) => term.column === 'grams')];
      return ordered.map((term): TermOccurrences => ({ occurrences: parseIds(this.occurrences.get(term.text, term.column) as string | null), weight: this.weights[term.column] }));
    });
    return traced(trace, 'rank postings', () => {
      const { rows, tokens } = this.lengths.totals();
      const logarithm = (value: number): number => this.naturalLogarithm.get(value) as number;
      return rankBm25(postings, { rows, tokens, length: (chunkId) => this.lengths.length(chunkId), logarithm }, limit);
    });
  }

  /** Whether the index's storage is the version this reads (asked once). */
  private canRead(): boolean {
    this.readable ??= this.lengths.readable();
    return this.readable;
  }
}

/** The ids of a comma-separated list (SQLite's group_concat), in order. */
function parseIds(list: string | null): number[] {
  const ids: number[] = [];
  if (!list) return ids;
  let value = 0;
  for (let index = 0; index < list.length; index += 1) {
    const code = list.charCodeAt(index);
    if (code === 44) {
      ids.push(value);
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  ids.push(value);
  return ids;
}
