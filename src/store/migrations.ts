/** One schema step. Applied in `version` order; `PRAGMA user_version` records the last one applied. */
export interface Migration {
  version: number;
  /** Statements run in one transaction; never edit a released migration, append a new one. */
  sql: string;
}

/**
 * The whole database schema, oldest first: the articles (1), then every other kind of state (2).
 * Append new versions; no other module creates tables.
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
  {
    version: 2,
    sql: `
      -- The digest tables were once created on first use, outside these migrations, so a database
      -- may already hold them (with this very shape): IF NOT EXISTS here, and only here.
      CREATE TABLE IF NOT EXISTS subscriptions (
        chat_id TEXT PRIMARY KEY,
        title TEXT,
        username TEXT,
        kind TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('config', 'command')),
        active INTEGER NOT NULL DEFAULT 1,
        disabled_reason TEXT,
        created_at TEXT NOT NULL,
        active_since TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS sent_digests (
        chat_id TEXT NOT NULL,
        date TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        message_ids TEXT NOT NULL,
        PRIMARY KEY (chat_id, date)
      );

      -- Feed poll state (was feed-state.json): items maps articleId to fingerprint, as JSON.
      CREATE TABLE feed_states (
        feed_url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        items TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- Chat memory. AUTOINCREMENT: the id is the "more results" button's key, and must never be
      -- handed out twice, or an old button would run another reader's question. Times in ms.
      CREATE TABLE remembered_questions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        question TEXT NOT NULL,
        shown_article_ids TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX remembered_questions_created ON remembered_questions (created_at);
      CREATE TABLE listed_articles (
        chat_id INTEGER PRIMARY KEY,
        article_ids TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX listed_articles_updated ON listed_articles (updated_at);

      -- Rate-limit windows: the times (ms) within the window, as JSON; expires_at = last time + window.
      CREATE TABLE rate_limit_windows (
        key TEXT PRIMARY KEY,
        times TEXT NOT NULL,
        warned INTEGER NOT NULL DEFAULT 0,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX rate_limit_windows_expires ON rate_limit_windows (expires_at);
    `,
  },
];
