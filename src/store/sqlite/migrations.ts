/** One schema step. Applied in `version` order; `PRAGMA user_version` records the last one applied. */
export interface Migration {
  version: number;
  /** Statements run in one transaction; never edit a released migration, append a new one. */
  sql: string;
}

/**
 * The whole database schema, oldest first: the articles (1), then every other kind of state (2), the question log and answer
 * feedback (3), digest claims (4), follow-up contexts (5), other-story buttons and the last answer's subject (6, its plain ids gone in 7),
 * chat memory keyed by hashes, every button bound to its chat and reader (7), rate-limit windows keyed by hashes (8),
 * correction notices linked to what they correct and articles updated in place (9), which bot message carries
 * which answer (10), the editors' pinned answers (11), followed topics and their alerts (12), the chunk count of each full-text term (15), a view of every
 * term occurrence for the keyword search's own BM25 (16).
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
  {
    version: 3,
    sql: `
      -- The question log for editors: no name or username, the reader only as a keyed hash (HMAC).
      -- Times are ISO 8601 UTC; cited ids as JSON arrays.
      CREATE TABLE question_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        asked_at TEXT NOT NULL,
        reader_hash TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        question TEXT NOT NULL,
        answered INTEGER NOT NULL,
        mode TEXT,
        cited_article_ids TEXT NOT NULL,
        cited_chunk_ids TEXT NOT NULL,
        latency_ms INTEGER NOT NULL
      );
      CREATE INDEX question_log_asked_at ON question_log (asked_at);
      CREATE INDEX question_log_reader ON question_log (reader_hash);

      -- One vote per reader per answer (1 = thumbs up, -1 = thumbs down); gone with its question.
      CREATE TABLE answer_feedback (
        question_id INTEGER NOT NULL REFERENCES question_log (id) ON DELETE CASCADE,
        reader_hash TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        voted_at TEXT NOT NULL,
        PRIMARY KEY (question_id, reader_hash)
      );
      CREATE INDEX answer_feedback_reader ON answer_feedback (reader_hash);

      -- The key of reader hashes when QUESTION_LOG_SECRET is unset: generated once, kept here.
      CREATE TABLE question_log_secret (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        secret TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    sql: `
      -- Digests are claimed before they are sent (state 'claimed', claimant, claimed_at in ms), then
      -- marked 'sent'; message_ids grows as Telegram accepts each message, so a retaken claim resumes.
      CREATE TABLE sent_digests_claimed (
        chat_id TEXT NOT NULL,
        date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent')),
        claimant TEXT,
        claimed_at INTEGER,
        sent_at TEXT,
        message_ids TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (chat_id, date),
        CHECK (state = 'claimed' OR sent_at IS NOT NULL)
      );
      INSERT INTO sent_digests_claimed (chat_id, date, state, sent_at, message_ids)
        SELECT chat_id, date, 'sent', sent_at, message_ids FROM sent_digests;
      DROP TABLE sent_digests;
      ALTER TABLE sent_digests_claimed RENAME TO sent_digests;
      CREATE INDEX sent_digests_date ON sent_digests (date);
    `,
  },
  {
    version: 5,
    sql: `
      -- Each reader's last answered question per chat, for follow-ups ("那去年呢？"); read only
      -- within minutes, pruned with the other chat memory. at is in ms.
      CREATE TABLE conversation_contexts (
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        question TEXT NOT NULL,
        article_ids TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (chat_id, user_id)
      );
      CREATE INDEX conversation_contexts_at ON conversation_contexts (at);
    `,
  },
  {
    version: 6,
    sql: `
      -- A button to ask about another story is its reader's alone: who asked, where, about which
      -- article (null for "more results", which anyone who sees it may press). /forget erases by user_id.
      ALTER TABLE remembered_questions ADD COLUMN chat_id INTEGER;
      ALTER TABLE remembered_questions ADD COLUMN user_id INTEGER;
      ALTER TABLE remembered_questions ADD COLUMN article_id TEXT;
      CREATE INDEX remembered_questions_user ON remembered_questions (user_id) WHERE user_id IS NOT NULL;
      -- The person or thing the last answer named, for a follow-up's pronoun (她后来…).
      ALTER TABLE conversation_contexts ADD COLUMN subject TEXT;
      CREATE INDEX conversation_contexts_user ON conversation_contexts (user_id);
    `,
  },
  {
    version: 7,
    sql: `
      -- Chat memory names chats and readers only by keyed hashes (never a Telegram id), and a button's key is random
      -- and bound to the chat it was answered in (and, when reader_only, to its reader: a private chat's "more
      -- results", and every button asking about another story, whose article_id it keeps). The old rows held plain
      -- chat and user ids (version 6's too) and sequential keys; they are state of minutes to days, so they are
      -- dropped, and old buttons say they expired. subject: what the last answer named, for a follow-up's pronoun.
      DROP TABLE remembered_questions;
      DROP TABLE listed_articles;
      DROP TABLE conversation_contexts;
      CREATE TABLE remembered_questions (
        key TEXT PRIMARY KEY,
        chat_hash TEXT NOT NULL,
        reader_hash TEXT NOT NULL,
        reader_only INTEGER NOT NULL CHECK (reader_only IN (0, 1)),
        question TEXT NOT NULL,
        shown_article_ids TEXT NOT NULL,
        article_id TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX remembered_questions_created ON remembered_questions (created_at);
      CREATE INDEX remembered_questions_reader ON remembered_questions (reader_hash);
      CREATE TABLE listed_articles (
        chat_hash TEXT PRIMARY KEY,
        article_ids TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX listed_articles_updated ON listed_articles (updated_at);
      CREATE TABLE conversation_contexts (
        chat_hash TEXT NOT NULL,
        reader_hash TEXT NOT NULL,
        question TEXT NOT NULL,
        article_ids TEXT NOT NULL,
        at INTEGER NOT NULL,
        subject TEXT,
        PRIMARY KEY (chat_hash, reader_hash)
      );
      CREATE INDEX conversation_contexts_at ON conversation_contexts (at);
      CREATE INDEX conversation_contexts_reader ON conversation_contexts (reader_hash);
    `,
  },
  {
    version: 8,
    sql: `
      -- Rate-limit windows were keyed by plain Telegram user ids (user:<id>); they are keyed by the keyed hashes of
      -- readers and chats now. Windows last a minute: the old ones are simply dropped.
      DELETE FROM rate_limit_windows;
    `,
  },
  {
    version: 9,
    sql: `
      -- Printed correction notices linked to the article each corrects (archive data, no reader's), and articles
      -- whose text changed in place (same id), with the day they did.
      CREATE TABLE article_corrections (
        correction_id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL,
        corrected_on TEXT,
        wrong TEXT,
        corrected TEXT
      );
      CREATE INDEX article_corrections_article ON article_corrections (article_id);
      CREATE TABLE article_revisions (
        article_id TEXT PRIMARY KEY,
        updated_on TEXT NOT NULL
      );
    `,
  },
  {
    version: 10,
    sql: `
      -- Which bot message carries the answer to which logged question (the chat as a keyed hash), so a 👍 / 👎
      -- reaction on the message counts as the vote buttons give; gone with its question.
      CREATE TABLE answer_messages (
        chat_hash TEXT NOT NULL,
        message_id INTEGER NOT NULL,
        question_id INTEGER NOT NULL REFERENCES question_log (id) ON DELETE CASCADE,
        PRIMARY KEY (chat_hash, message_id)
      );
      CREATE INDEX answer_messages_question ON answer_messages (question_id);
    `,
  },
  {
    version: 11,
    sql: `
      -- The editors' answers pinned to questions (newsroom data: no chat or staff member kept with them). The columns
      -- are not named question/answer: what staff wrote, not what a reader asked.
      CREATE TABLE pinned_answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        query_text TEXT NOT NULL,
        answer_text TEXT NOT NULL,
        article_id TEXT,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 12,
    sql: `
      -- Followed topics (/follow) and the alerts sent about them. chat_id is the chat alerts go to (a reader's private
      -- chat or a group): erased with the reader's private chat by /forget. An alert's key is its claim: sent once.
      CREATE TABLE follows (
        chat_id TEXT NOT NULL,
        topic TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, topic)
      );
      CREATE TABLE follow_alerts (
        chat_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        day TEXT NOT NULL,
        topic TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, article_id)
      );
      CREATE INDEX follow_alerts_day ON follow_alerts (chat_id, day);
      -- New articles, in the order they were ingested (the follow alerts look for them every few seconds).
      CREATE INDEX articles_ingested ON articles (ingested_at);
    `,
  },
  {
    version: 13,
    sql: `
      -- Every correction notice read at ingest, with the title, address and day it names: a notice ingested before
      -- the article it corrects is linked when that article arrives (archive data, no reader's).
      CREATE TABLE correction_notices (
        correction_id TEXT PRIMARY KEY,
        notice_date TEXT,
        quoted_title TEXT,
        url TEXT,
        named_date TEXT,
        wrong TEXT,
        corrected TEXT
      );
      CREATE INDEX correction_notices_title ON correction_notices (quoted_title);
      CREATE INDEX correction_notices_url ON correction_notices (url);
      `,
  },
  {
    version: 14,
    sql: `
      -- How far the ingest of each long file got (\`newsbot ingest\` of JSON Lines): written after every committed batch, so
      -- an interrupted ingest resumes at byte_offset. source is the file's path as shown; file_identity its size,
      -- modification time and a hash of its head (another content starts over).
      CREATE TABLE ingest_checkpoints (
        source TEXT PRIMARY KEY,
        file_identity TEXT NOT NULL,
        byte_offset INTEGER NOT NULL,
        line_number INTEGER NOT NULL,
        records INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      `,
  },
  {
    version: 15,
    sql: `
      -- How many chunks hold each term of chunks_fts (either column), kept by the writers in the transaction that
      -- changes the index (TermFrequencyChanges), so a question's terms are weighed by a point read each instead of
      -- reading their posting lists (chunks_fts_vocab). Filled here from the index of an existing archive.
      CREATE TABLE term_frequencies (
        term TEXT PRIMARY KEY,
        chunks INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO term_frequencies (term, chunks) SELECT term, doc FROM chunks_fts_vocab WHERE doc > 0;
    `,
  },
  {
    version: 16,
    sql: `
      -- Every occurrence of a term in chunks_fts (chunk, column, offset): the keyword search reads a question's rare terms'
      -- postings here and scores them itself (\`Bm25PostingsRanker\`), which costs a fraction of FTS5's bm25() per posting.
      -- A view over the index: it stores nothing.
      CREATE VIRTUAL TABLE chunks_fts_instances USING fts5vocab (chunks_fts, 'instance');
    `,
  },
];

/** The schema version the migrations reach (what `runMigrations` leaves in `PRAGMA user_version`). */
export const SQLITE_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
