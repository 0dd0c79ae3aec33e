/** One schema step. Applied in `version` order; `PRAGMA user_version` records the last one applied. */
export interface Migration {
  version: number;
  /** Statements run in one transaction; never edit a released migration, append a new one. */
  sql: string;
}

/**
 * The whole database schema, oldest first. Other store modules (subscriptions, sent digests)
 * append their own entries here with the next free version number.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        subtitle TEXT,
        paragraphs TEXT NOT NULL,
        date TEXT,
        url TEXT,
        authors TEXT NOT NULL,
        section TEXT,
        source TEXT NOT NULL,
        photo_caption TEXT,
        position INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_source ON articles (source);
      CREATE INDEX articles_date ON articles (date, position);

      -- AUTOINCREMENT: chunk ids are HNSW labels and must never be handed out twice.
      -- date: the article's, copied so date-filtered keyword search reads a small index
      -- (chunks_id_date) per match instead of the wide chunk and article rows.
      CREATE TABLE chunks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        date TEXT,
        ordinal INTEGER NOT NULL,
        text TEXT NOT NULL,
        heading TEXT NOT NULL
      );
      CREATE INDEX chunks_article ON chunks (article_id, ordinal);
      CREATE INDEX chunks_id_date ON chunks (id, date);

      -- Contentless: holds only the index of the segmented text, keyed by rowid = chunks.id.
      -- words: jieba search-mode words (and Latin words, numbers); grams: CJK character bigrams.
      CREATE VIRTUAL TABLE chunks_fts USING fts5 (
        words, grams,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE VIRTUAL TABLE chunks_fts_vocab USING fts5vocab (chunks_fts, 'row');

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];
