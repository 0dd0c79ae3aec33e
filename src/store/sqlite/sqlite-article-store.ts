import type Database from 'better-sqlite3';
import type { Article } from '../../ingest/article.js';
import type { Chunk } from '../../chunking/chunk.js';
import type { ArchiveStats, ArticleStore, DateRange, KeywordHit, StoredArticle, StoredChunk } from '../article-store.js';
import { CHUNK_COLUMNS, SQLITE_UPSERT_ARTICLE, STORED_ARTICLE_COLUMNS, toArticleRow, toStoredArticle, toStoredChunk, type ArticleRow, type ChunkRow } from '../article-rows.js';
import { ftsDocument } from './fts-document.js';
import { normalizeForMatching } from '../../text/normalize-text.js';
import { buildFtsMatch, queryTerms, quoteFtsString } from './fts-query.js';
import { TermFrequencyChanges } from './term-frequency-changes.js';
import { openSqliteDatabase, type OpenSqliteDatabaseOptions } from './open-sqlite-database.js';
import { SINGLE_TOKEN, selectQueryTerms, splitRankedTerms } from './select-query-terms.js';
import { keywordBudget, type KeywordBudget } from './keyword-budget.js';
import { addCommonTerms } from './add-common-terms.js';
import { Bm25PostingsRanker } from './bm25-postings-ranker.js';
import type { LabelFingerprint } from '../vector-index.js';
import { traced, type StageTrace } from '../../log/stage-trace.js';
import { memoByText } from '../../text/memo-by-text.js';

/** One article to write with `upsertArticles`. */
export interface ArticleUpsert {
  article: Article;
  contentHash: string;
  chunks: Chunk[];
}

/** What `upsertArticle` changed: chunk ids are vector-index labels. */
export interface UpsertResult {
  removedChunkIds: number[];
  chunkIds: number[];
}

export interface SqliteArticleStoreOptions {
  /** The keyword search's budget for an archive of so many chunks. Default `keywordBudget` (fitted on the bench corpus). */
  keywordBudget?: (chunks: number) => KeywordBudget;
  /** Rank the rare terms with FTS5's bm25() even where `Bm25PostingsRanker` can (default false: the same hits, slower); for benches. */
  rankWithFts5?: boolean;
  /**
   * Weigh the common terms by the candidates' lengths in characters against their mean (default false: by the chunks'
   * token lengths against the index's average, bm25()'s own norm, where the index can be read so); for benches.
   */
  commonTermsByCharacters?: boolean;
}

/** BM25 column weights for `chunks_fts` (words, grams); other weights did no better on CMRC 2018. */
const BM25_WEIGHTS = [1.0, 1.0] as const;
const LAST_INGEST_KEY = 'last_ingest_at';

/**
 * `ArticleStore` on SQLite (better-sqlite3): articles, chunks and a contentless FTS5 index of
 * their segmented text. Writes are synchronous and transactional; `database` is shared with
 * the other store modules (subscriptions, sent digests).
 */
export class SqliteArticleStore implements ArticleStore {
  /** The connection, for other store modules that keep their tables in the same file. */
  readonly database: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private cachedStats: { dataVersion: string; stats: ArchiveStats } | null = null;
  /** Bumped on each write through this connection (data_version only sees other connections). */
  private generation = 0;
  /** Chunks holding a term: one point read of `term_frequencies`, kept exact by every write. */
  private readonly documentFrequency = (term: string): number => (this.statements.documentFrequency.get(term) as number | undefined) ?? 0;

  private readonly budgetFor: (chunks: number) => KeywordBudget;
  private readonly postingsRanker: Bm25PostingsRanker | null;
  private readonly commonTermsByCharacters: boolean;

  constructor(database: Database.Database, options: SqliteArticleStoreOptions = {}) {
    this.database = database;
    this.statements = prepareStatements(database);
    this.budgetFor = options.keywordBudget ?? ((chunks) => keywordBudget(chunks));
    this.commonTermsByCharacters = options.commonTermsByCharacters === true;
    this.postingsRanker = options.rankWithFts5 === true ? null : new Bm25PostingsRanker(database, { words: BM25_WEIGHTS[0], grams: BM25_WEIGHTS[1] });
  }

  /**
   * Runs `fn` in one write transaction (nested calls become savepoints). Batch upserts this way.
   * BEGIN IMMEDIATE takes the write lock up front, waiting (busy_timeout) while another process
   * commits, so a batch never fails half-way with "database is locked".
   */
  transaction<T>(fn: () => T): T {
    return this.database.transaction(fn).immediate();
  }

  articleHash(articleId: string): string | null {
    return (this.statements.articleHash.get(articleId) as string | undefined) ?? null;
  }

  upsertArticle(article: Article, contentHash: string, chunks: Chunk[]): UpsertResult {
    return this.upsertArticles([{ article, contentHash, chunks }])[0]!;
  }

  /** Upserts many articles in one transaction (much faster than one transaction each). */
  upsertArticles(items: readonly ArticleUpsert[]): UpsertResult[] {
    return this.transaction(() => {
      const now = new Date().toISOString();
      const frequencies = new TermFrequencyChanges(this.database);
      const results = items.map((item) => this.writeArticle(item, now, frequencies));
      frequencies.flush();
      return results;
    });
  }

  removeArticle(articleId: string): number[] {
    return this.transaction(() => {
      const frequencies = new TermFrequencyChanges(this.database);
      const removed = this.deleteChunks(articleId, frequencies);
      frequencies.flush();
      // ON DELETE CASCADE removes the chunks rows.
      this.statements.deleteArticle.run(articleId);
      this.generation += 1;
      return removed;
    });
  }

  articleIdsBySource(source: string): string[] {
    // JSON records are stored as `<source>#<n>`: '$' is the character after '#'.
    return this.statements.articleIdsBySource.all(source, `${source}#`, `${source}$`) as string[];
  }

  getArticle(articleId: string): StoredArticle | null {
    const row = this.statements.getArticle.get(articleId) as ArticleRow | undefined;
    return row ? toStoredArticle(row) : null;
  }

  articleParagraphs(articleId: string): string[] | null {
    const paragraphs = this.statements.articleParagraphs.get(articleId) as string | undefined;
    return paragraphs === undefined ? null : (JSON.parse(paragraphs) as string[]);
  }

  getChunks(ids: number[]): StoredChunk[] {
    if (ids.length === 0) return [];
    const rows = this.statements.getChunks.all(JSON.stringify(ids)) as ChunkRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const chunks: StoredChunk[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (row) chunks.push(toStoredChunk(row));
    }
    return chunks;
  }

  articleChunks(articleId: string): StoredChunk[] {
    return (this.statements.articleChunks.all(articleId) as ChunkRow[]).map(toStoredChunk);
  }

  /** Count and sum of the chunk ids: matched against the vector index's manifest to skip comparing every id. */
  chunkFingerprint(): LabelFingerprint {
    const row = this.statements.chunkFingerprint.get() as { count: number; labelSum: number };
    return { count: row.count, labelSum: row.labelSum };
  }

  allChunkIds(): number[] {
    return this.statements.allChunkIds.all() as number[];
  }

  /**
   * Two passes: the chunks holding the rarest question terms are ranked by BM25 over their postings (bounded by
   * `rankedPostings`; scored from the postings by `Bm25PostingsRanker`, or by FTS5's bm25() for a date range or a
   * phrase), then the commoner terms are counted in the best candidates' texts (`addCommonTerms`).
   */
  keywordSearch(query: string, limit: number, range?: DateRange, trace?: StageTrace): KeywordHit[] {
    if (limit <= 0) return [];
    // Choosing the terms and splitting them both read each term's frequency: one point read per term and search.
    const documentFrequency = memoByText(this.documentFrequency);
    const chunkCount = this.stats().chunks;
    const budget = this.budgetFor(chunkCount);
    const { ranked, common } = traced(trace, 'choose terms', () =>
      splitRankedTerms(selectQueryTerms(queryTerms(query), { documentFrequency, maxPostings: budget.maxPostings }), documentFrequency, budget.rankedPostings),
    );
    const match = buildFtsMatch(ranked);
    if (match === null) return [];
    const from = range?.from ?? null;
    const to = range?.to ?? null;
    const poolSize = Math.floor(common.length > 0 ? Math.max(limit, budget.rescorePool) : limit);
    // Without a date range the rare terms' postings are scored here, as bm25() would score them, at a fraction of its cost.
    const rankedHits = from === null && to === null ? (this.postingsRanker?.rank(ranked, poolSize, trace) ?? null) : null;
    const hits =
      rankedHits ??
      traced(trace, 'fts5 query', () =>
        from === null && to === null
          ? (this.statements.keywordSearch.all(match, poolSize) as { id: number; rank: number }[])
          : (this.statements.keywordSearchInRange.all({ match, from, to, limit: poolSize }) as { id: number; rank: number }[]),
      ).map((row) => ({ id: row.id, score: -row.rank }));
    if (common.length === 0 || hits.length <= 1) return hits.slice(0, limit);
    return traced(trace, 'common terms', () => {
      const rowsOfText = this.statements.chunkTexts.all(JSON.stringify(hits.map((hit) => hit.id))) as { id: number; heading: string; text: string }[];
      const texts = new Map(rowsOfText.map((row) => [row.id, normalizeForMatching(`${row.heading}\n${row.text}`)]));
      const terms = common.map(({ term, frequency }) => ({ text: term.text, frequency }));
      // Both passes with bm25()'s length norm, so a common term weighs in a candidate as it would in FTS5's ranking.
      const tokenLengths = this.commonTermsByCharacters ? undefined : (this.postingsRanker?.tokenLengths() ?? undefined);
      return addCommonTerms(hits, texts, terms, chunkCount, tokenLengths).slice(0, limit);
    });
  }

  documentFrequencies(terms: readonly string[]): Map<string, number> {
    const frequencies = new Map<string, number>();
    for (const term of terms) {
      if (frequencies.has(term)) continue;
      const folded = normalizeForMatching(term).trim();
      let frequency = 0;
      if (SINGLE_TOKEN.test(folded)) {
        frequency = this.documentFrequency(folded);
      } else if (/[\p{L}\p{N}]/u.test(folded)) {
        // Several unicode61 tokens (covid-19): count the chunks holding the phrase.
        frequency = this.statements.countMatches.get(quoteFtsString(folded)) as number;
      }
      frequencies.set(term, frequency);
    }
    return frequencies;
  }

  latestArticles(limit: number): StoredArticle[] {
    if (limit <= 0) return [];
    return (this.statements.latestArticles.all(Math.floor(limit)) as ArticleRow[]).map(toStoredArticle);
  }

  articlesIngestedSince(since: string, limit: number): StoredArticle[] {
    if (limit <= 0) return [];
    return (this.statements.articlesIngestedSince.all(since, Math.floor(limit)) as ArticleRow[]).map(toStoredArticle);
  }

  articlesOnDate(date: string): StoredArticle[] {
    return (this.statements.articlesOnDate.all(date) as ArticleRow[]).map(toStoredArticle);
  }

  /** Cached until this or another connection writes: retrieval asks for it on every question. */
  stats(): ArchiveStats {
    const dataVersion = this.dataVersion();
    const cached = this.cachedStats;
    if (cached && cached.dataVersion === dataVersion) return { ...cached.stats };
    const row = this.statements.stats.get() as { articles: number; sources: number; newest_date: string | null };
    const stats: ArchiveStats = {
      articles: row.articles,
      chunks: this.statements.countChunks.get() as number,
      sources: row.sources,
      newestDate: row.newest_date,
      lastIngestAt: (this.statements.getMeta.get(LAST_INGEST_KEY) as string | undefined) ?? null,
    };
    this.cachedStats = { dataVersion, stats };
    return { ...stats };
  }

  close(): void {
    if (this.database.open) this.database.close();
  }

  private writeArticle({ article, contentHash, chunks }: ArticleUpsert, now: string, frequencies: TermFrequencyChanges): UpsertResult {
    const { statements } = this;
    const removedChunkIds = this.deleteChunks(article.id, frequencies);
    statements.upsertArticle.run(toArticleRow(article, contentHash, now));
    const chunkIds: number[] = [];
    for (const chunk of chunks) {
      // The chunk belongs to the article written here, whatever its articleId field says.
      const id = Number(statements.insertChunk.run(article.id, article.date, chunk.ordinal, chunk.text, chunk.heading).lastInsertRowid);
      const document = ftsDocument(chunk.heading, chunk.text);
      statements.insertFts.run(id, document.words, document.grams);
      frequencies.added(document);
      chunkIds.push(id);
    }
    statements.setMeta.run(LAST_INGEST_KEY, now);
    this.generation += 1;
    return { removedChunkIds, chunkIds };
  }

  /** Changes whenever this or another connection writes. */
  private dataVersion(): string {
    return `${this.generation}:${String(this.statements.dataVersion.get())}`;
  }

  /** Deletes an article's chunks and their FTS rows, counting their terms out; returns their ids. */
  private deleteChunks(articleId: string, frequencies: TermFrequencyChanges): number[] {
    const rows = this.statements.chunksOfArticle.all(articleId) as { id: number; heading: string; text: string }[];
    for (const row of rows) {
      this.statements.deleteFts.run(row.id);
      frequencies.removed(ftsDocument(row.heading, row.text));
    }
    if (rows.length > 0) this.statements.deleteChunksOfArticle.run(articleId);
    return rows.map((row) => row.id);
  }
}

/** Opens (creating it and its folder when absent) the article database at `filePath`. */
export function openSqliteArticleStore(filePath: string, options: SqliteArticleStoreOptions & OpenSqliteDatabaseOptions = {}): SqliteArticleStore {
  const database = openSqliteDatabase(filePath, { memoryMap: options.memoryMap });
  try {
    return new SqliteArticleStore(database, options);
  } catch (error) {
    database.close();
    throw error;
  }
}

function prepareStatements(database: Database.Database) {
  const articleColumns = STORED_ARTICLE_COLUMNS.join(', ');
  const bm25 = `bm25(chunks_fts, ${BM25_WEIGHTS.join(', ')})`;
  return {
    articleHash: database.prepare('SELECT content_hash FROM articles WHERE id = ?').pluck(),
    upsertArticle: database.prepare(SQLITE_UPSERT_ARTICLE),
    deleteArticle: database.prepare('DELETE FROM articles WHERE id = ?'),
    articleIdsBySource: database.prepare('SELECT id FROM articles WHERE source = ? OR (source >= ? AND source < ?) ORDER BY source, position').pluck(),
    getArticle: database.prepare(`SELECT ${articleColumns} FROM articles WHERE id = ?`),
    articleParagraphs: database.prepare('SELECT paragraphs FROM articles WHERE id = ?').pluck(),
    chunksOfArticle: database.prepare('SELECT id, heading, text FROM chunks WHERE article_id = ? ORDER BY ordinal'),
    deleteChunksOfArticle: database.prepare('DELETE FROM chunks WHERE article_id = ?'),
    insertChunk: database.prepare('INSERT INTO chunks (article_id, date, ordinal, text, heading) VALUES (?, ?, ?, ?, ?)'),
    insertFts: database.prepare('INSERT INTO chunks_fts (rowid, words, grams) VALUES (?, ?, ?)'),
    deleteFts: database.prepare('DELETE FROM chunks_fts WHERE rowid = ?'),
    getChunks: database.prepare(
      `SELECT ${CHUNK_COLUMNS} FROM chunks c JOIN articles a ON a.id = c.article_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    ),
    articleChunks: database.prepare(`SELECT ${CHUNK_COLUMNS} FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.article_id = ? ORDER BY c.ordinal`),
    allChunkIds: database.prepare('SELECT id FROM chunks ORDER BY id').pluck(),
    countChunks: database.prepare('SELECT count(*) FROM chunks').pluck(),
    chunkFingerprint: database.prepare('SELECT count(*) AS count, total(id) AS labelSum FROM chunks'),
    chunkTexts: database.prepare('SELECT id, heading, text FROM chunks WHERE id IN (SELECT value FROM json_each(?))'),
    documentFrequency: database.prepare('SELECT chunks FROM term_frequencies WHERE term = ?').pluck(),
    countMatches: database.prepare('SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?').pluck(),
    keywordSearch: database.prepare(`SELECT rowid AS id, ${bm25} AS rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?`),
    // The FTS table drives (CROSS JOIN); each match's date comes from the small chunks_id_date index.
    keywordSearchInRange: database.prepare(
      `SELECT f.rowid AS id, ${bm25} AS rank
       FROM chunks_fts f CROSS JOIN chunks c INDEXED BY chunks_id_date ON c.id = f.rowid
       WHERE chunks_fts MATCH @match
         AND c.date IS NOT NULL AND (@from IS NULL OR c.date >= @from) AND (@to IS NULL OR c.date <= @to)
       ORDER BY rank LIMIT @limit`,
    ),
    latestArticles: database.prepare(`SELECT ${articleColumns} FROM articles ORDER BY date DESC NULLS LAST, ingested_at DESC, position ASC LIMIT ?`),
    articlesIngestedSince: database.prepare(`SELECT ${articleColumns} FROM articles WHERE ingested_at >= ? ORDER BY ingested_at, id LIMIT ?`),
    articlesOnDate: database.prepare(`SELECT ${articleColumns} FROM articles WHERE date = ? ORDER BY position, ingested_at, id`),
    // One subquery per figure, so each reads a small covering index (articles_source,
    // articles_date) instead of scanning the wide article rows: 27 ms against 230-800 ms at 27,000 articles.
    stats: database.prepare(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT max(date) FROM articles) AS newest_date,
         (SELECT count(DISTINCT CASE WHEN instr(source, '#') > 0 THEN substr(source, 1, instr(source, '#') - 1) ELSE source END)
          FROM articles) AS sources`,
    ),
    dataVersion: database.prepare('PRAGMA data_version').pluck(),
    getMeta: database.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: database.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}
