import type Database from 'better-sqlite3';
import { preparedPerDatabase } from './prepared-per-database.js';
import type { FtsDocument } from './fts-document.js';
import { ftsTerms } from './fts-terms.js';

const statementsFor = preparedPerDatabase(prepareStatements);

/**
 * The changes a write makes to `term_frequencies` (how many chunks hold each term of `chunks_fts`), summed over
 * the chunks it indexes and removes, then written once per term (`flush`) in the writer's transaction. Summed
 * first because one ingest batch repeats most of its terms from chunk to chunk: a row write per term and chunk
 * would cost as much as the full-text index itself.
 */
export class TermFrequencyChanges {
  private readonly changes = new Map<string, number>();

  constructor(private readonly database: Database.Database) {}

  /** A chunk's document given to `chunks_fts`. */
  added(document: FtsDocument): void {
    this.count(document, 1);
  }

  /** A chunk taken out of `chunks_fts` (its document made again from its stored heading and text: the index keeps none). */
  removed(document: FtsDocument): void {
    this.count(document, -1);
  }

  /** Writes the summed changes; a term no chunk holds any more loses its row. Call inside the write's transaction. */
  flush(): void {
    const statements = statementsFor(this.database);
    for (const [term, change] of this.changes) {
      if (change === 0) continue;
      statements.change.run(term, change);
      if (change < 0) statements.dropEmpty.run(term);
    }
    this.changes.clear();
  }

  private count(document: FtsDocument, sign: 1 | -1): void {
    for (const term of ftsTerms(document)) this.changes.set(term, (this.changes.get(term) ?? 0) + sign);
  }
}

function prepareStatements(database: Database.Database) {
  return {
    change: database.prepare('INSERT INTO term_frequencies (term, chunks) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET chunks = chunks + excluded.chunks'),
    dropEmpty: database.prepare('DELETE FROM term_frequencies WHERE term = ? AND chunks <= 0'),
  };
}
