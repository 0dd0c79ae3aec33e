import type { SqliteArticleStore } from '../../src/store/sqlite/sqlite-article-store.js';
import { buildFtsMatch, queryTerms } from '../../src/store/sqlite/fts-query.js';
import type { KeywordHit } from '../../src/store/article-store.js';

/**
 * The plain full-text baseline: FTS5's bm25() over every term of the question (the store's own segmentation), no
 * selection, no budget, no rescoring, no per-article limit. What "a plain full-text index" gives on the same archive.
 */
export function plainFullTextSearch(store: SqliteArticleStore): (question: string, limit: number) => KeywordHit[] {
  const statement = store.database.prepare('SELECT rowid AS id, bm25(chunks_fts, 1.0, 1.0) AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?');
  return (question, limit) => {
    const match = buildFtsMatch(queryTerms(question));
    if (match === null) return [];
    return (statement.all(match, limit) as { id: number; rank: number }[]).map((row) => ({ id: row.id, score: -row.rank }));
  };
}
