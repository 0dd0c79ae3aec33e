/** One schema step of the PostgreSQL system of record; `schema_migrations` records those applied. */
export interface PostgresMigration {
  version: number;
  /** Statements run in one transaction; never edit a released migration, append a new one. */
  sql: string;
}

/**
 * The PostgreSQL schema, oldest first. The other kinds of shared state (subscriptions, sent
 * digests, feed state, chat memory, rate limits) append their own entries with the next version.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    sql: `
      -- The same fields as the SQLite archive; arrays instead of JSON text.
      CREATE TABLE articles (
        id text PRIMARY KEY,
        title text NOT NULL,
        subtitle text,
        paragraphs text[] NOT NULL,
        date text,
        url text,
        authors text[] NOT NULL,
        section text,
        source text NOT NULL,
        photo_caption text,
        position integer NOT NULL,
        content_hash text NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX articles_source ON articles (source);
      CREATE INDEX articles_date ON articles (date, position);

      -- id: the label of the chunk's vector in every replica's HNSW index, so never reused
      -- (bigserial) and within hnswlib's 32-bit label range.
      -- vector: Float32 little-endian (no pgvector here); searched only in the replicas.
      CREATE TABLE chunks (
        id bigserial PRIMARY KEY CHECK (id <= 4294967295),
        article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        text text NOT NULL,
        heading text NOT NULL,
        date text,
        vector bytea NOT NULL,
        dimensions integer NOT NULL CHECK (dimensions > 0),
        embedder_id text NOT NULL,
        UNIQUE (article_id, ordinal),
        CHECK (octet_length(vector) = 4 * dimensions)
      );
      -- Float bytes do not compress: skip the attempt.
      ALTER TABLE chunks ALTER COLUMN vector SET STORAGE EXTERNAL;

      -- What replicas follow. One row per article written or removed; replicas fetch the
      -- article's current rows, so the log carries no content.
      CREATE TABLE change_log (
        position bigserial PRIMARY KEY,
        article_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('upsert', 'remove')),
        committed_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- Every other kind of state, shared by all workers (the SQLite tables of the same names).
      -- Times the ports pass as ISO text are timestamptz here; times they pass in ms stay bigint.
      CREATE TABLE subscriptions (
        chat_id text PRIMARY KEY,
        title text,
        username text,
        kind text NOT NULL,
        source text NOT NULL CHECK (source IN ('config', 'command')),
        active boolean NOT NULL DEFAULT true,
        disabled_reason text,
        created_at timestamptz NOT NULL,
        active_since timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX subscriptions_username ON subscriptions (lower(username));

      -- One row per (chat, day): claimed by one worker before it sends, then sent. message_ids
      -- grows as Telegram accepts each message, so a retaken claim resumes after the last one.
      CREATE TABLE digest_deliveries (
        chat_id text NOT NULL,
        date text NOT NULL,
        state text NOT NULL CHECK (state IN ('claimed', 'sent')),
        claimant text,
        claimed_at timestamptz,
        sent_at timestamptz,
        message_ids bigint[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (chat_id, date),
        CHECK (state = 'claimed' OR sent_at IS NOT NULL)
      );
      CREATE INDEX digest_deliveries_date ON digest_deliveries (date);

      CREATE TABLE feed_states (
        feed_url text PRIMARY KEY,
        etag text,
        last_modified text,
        items jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      );

      -- Keys of "more results" buttons: a sequence never hands a value out twice, whichever worker asks.
      CREATE TABLE remembered_questions (
        id bigserial PRIMARY KEY,
        question text NOT NULL,
        shown_article_ids text[] NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE INDEX remembered_questions_created ON remembered_questions (created_at);
      CREATE TABLE listed_articles (
        chat_id bigint PRIMARY KEY,
        article_ids text[] NOT NULL,
        updated_at bigint NOT NULL
      );
      CREATE INDEX listed_articles_updated ON listed_articles (updated_at);

      -- Rate-limit windows: the times (ms) within the window; expires_at = last time + window.
      CREATE TABLE rate_limit_windows (
        key text PRIMARY KEY,
        times bigint[] NOT NULL,
        warned boolean NOT NULL DEFAULT false,
        expires_at bigint NOT NULL
      );
      CREATE INDEX rate_limit_windows_expires ON rate_limit_windows (expires_at);
    `,
  },
  {
    version: 3,
    sql: `
      -- Embedding as a queue: ingest stores a job (articles and chunks waiting for vectors); any
      -- worker leases it (FOR UPDATE SKIP LOCKED), embeds it, and commits the articles, chunks,
      -- vectors and change-log entries with the job marked done, in one transaction. articles and
      -- chunks keep holding only embedded content, so a replica never sees a chunk without a vector.
      CREATE TABLE embedding_jobs (
        id bigserial PRIMARY KEY,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'leased', 'done')),
        -- [{ article, contentHash, chunks }] while open; emptied when done.
        articles jsonb NOT NULL,
        chunk_count integer NOT NULL CHECK (chunk_count >= 0),
        lease_owner text,
        lease_expires_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        first_taken_at timestamptz,
        done_at timestamptz,
        done_by text
      );
      CREATE INDEX embedding_jobs_open ON embedding_jobs (id) WHERE state <> 'done';
      CREATE INDEX embedding_jobs_done_at ON embedding_jobs (done_at) WHERE state = 'done';
      -- Which articles a job still writes: a removal deletes its rows, so a queued version of a
      -- removed article never appears; incremental ingest compares hashes with queued versions too.
      CREATE TABLE embedding_job_articles (
        article_id text NOT NULL,
        job_id bigint NOT NULL REFERENCES embedding_jobs (id) ON DELETE CASCADE,
        content_hash text NOT NULL,
        PRIMARY KEY (article_id, job_id)
      );
      -- The job whose commit wrote this version (null: written directly); an older job never
      -- replaces what a newer one wrote.
      ALTER TABLE articles ADD COLUMN job_id bigint;
      ALTER TABLE chunks ADD COLUMN job_id bigint;
    `,
  },
  {
    version: 4,
    sql: `
      -- Each reader's last answered question per chat, for follow-ups; at in ms.
      CREATE TABLE conversation_contexts (
        chat_id bigint NOT NULL,
        user_id bigint NOT NULL,
        question text NOT NULL,
        article_ids text[] NOT NULL,
        at bigint NOT NULL,
        PRIMARY KEY (chat_id, user_id)
      );
      CREATE INDEX conversation_contexts_at ON conversation_contexts (at);
    `,
  },
  {
    version: 5,
    sql: `
      -- The question log for editors, shared by every worker (the SQLite tables of the same names):
      -- no name or username, the reader only as a keyed hash (HMAC).
      CREATE TABLE question_log (
        id bigserial PRIMARY KEY,
        asked_at timestamptz NOT NULL,
        reader_hash text NOT NULL,
        chat_type text NOT NULL,
        question text NOT NULL,
        answered boolean NOT NULL,
        mode text,
        cited_article_ids text[] NOT NULL,
        cited_chunk_ids bigint[] NOT NULL,
        latency_ms integer NOT NULL
      );
      CREATE INDEX question_log_asked_at ON question_log (asked_at);
      CREATE INDEX question_log_reader ON question_log (reader_hash);

      -- One vote per reader per answer (1 = thumbs up, -1 = thumbs down); gone with its question.
      CREATE TABLE answer_feedback (
        question_id bigint NOT NULL REFERENCES question_log (id) ON DELETE CASCADE,
        reader_hash text NOT NULL,
        vote smallint NOT NULL CHECK (vote IN (-1, 1)),
        voted_at timestamptz NOT NULL,
        PRIMARY KEY (question_id, reader_hash)
      );
      CREATE INDEX answer_feedback_reader ON answer_feedback (reader_hash);

      -- The key of reader hashes when QUESTION_LOG_SECRET is unset: generated once by whichever
      -- worker starts first, so every worker hashes a reader alike.
      CREATE TABLE question_log_secret (
        id integer PRIMARY KEY CHECK (id = 1),
        secret text NOT NULL
      );
    `,
  },
  {
    version: 6,
    sql: `
      -- A button to ask about another story is its reader's alone: who asked, where, about which
      -- article (null for "more results", which anyone who sees it may press). /forget erases by user_id.
      ALTER TABLE remembered_questions ADD COLUMN chat_id bigint, ADD COLUMN user_id bigint, ADD COLUMN article_id text;
      CREATE INDEX remembered_questions_user ON remembered_questions (user_id) WHERE user_id IS NOT NULL;
      -- The person or thing the last answer named, for a follow-up's pronoun (她后来…).
      ALTER TABLE conversation_contexts ADD COLUMN subject text;
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
        key text PRIMARY KEY,
        chat_hash text NOT NULL,
        reader_hash text NOT NULL,
        reader_only boolean NOT NULL,
        question text NOT NULL,
        shown_article_ids text[] NOT NULL,
        article_id text,
        created_at bigint NOT NULL
      );
      CREATE INDEX remembered_questions_created ON remembered_questions (created_at);
      CREATE INDEX remembered_questions_reader ON remembered_questions (reader_hash);
      CREATE TABLE listed_articles (
        chat_hash text PRIMARY KEY,
        article_ids text[] NOT NULL,
        updated_at bigint NOT NULL
      );
      CREATE INDEX listed_articles_updated ON listed_articles (updated_at);
      CREATE TABLE conversation_contexts (
        chat_hash text NOT NULL,
        reader_hash text NOT NULL,
        question text NOT NULL,
        article_ids text[] NOT NULL,
        at bigint NOT NULL,
        subject text,
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
        chat_hash text NOT NULL,
        message_id bigint NOT NULL,
        question_id bigint NOT NULL REFERENCES question_log (id) ON DELETE CASCADE,
        PRIMARY KEY (chat_hash, message_id)
      );
      CREATE INDEX answer_messages_question ON answer_messages (question_id);
    `,
  },
  {
    version: 11,
    sql: `
      -- The editors' answers pinned to questions (newsroom data: no chat or staff member kept with them).
      CREATE TABLE pinned_answers (
        id bigserial PRIMARY KEY,
        query_text text NOT NULL,
        answer_text text NOT NULL,
        article_id text,
        created_at timestamptz NOT NULL
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
        created_at timestamptz NOT NULL,
        PRIMARY KEY (chat_id, topic)
      );
      CREATE TABLE follow_alerts (
        chat_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        day TEXT NOT NULL,
        topic TEXT NOT NULL,
        claimed_at timestamptz NOT NULL,
        PRIMARY KEY (chat_id, article_id)
      );
      CREATE INDEX follow_alerts_day ON follow_alerts (chat_id, day);
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
      -- Where each long file's ingest stands (as in the SQLite schema's version 14); offsets are bigint: files pass 2 GiB.
      CREATE TABLE ingest_checkpoints (
        source TEXT PRIMARY KEY,
        file_identity TEXT NOT NULL,
        byte_offset bigint NOT NULL,
        line_number bigint NOT NULL,
        records bigint NOT NULL,
        updated_at timestamptz NOT NULL
      );
      `,
  },
  {
    version: 15,
    sql: `
      -- Where each worker's local replica stands in the change log, renewed while it follows (a heartbeat). The log is
      -- compacted behind the slowest live replica; compacted_through says up to which position rows may be gone, so a
      -- replica behind it rebuilds from a snapshot instead of missing changes. replica_id is random, kept in the replica.
      CREATE TABLE replica_positions (
        replica_id text PRIMARY KEY,
        position bigint NOT NULL,
        heartbeat_at timestamptz NOT NULL
      );
      CREATE TABLE change_log_compaction (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        compacted_through bigint NOT NULL
      );
      INSERT INTO change_log_compaction (compacted_through) VALUES (0);
    `,
  },
  {
    version: 16,
    sql: `
      -- Replica seeds: a live worker's replica files (the SQLite archive without any reader data, the HNSW index and
      -- its manifest) at one change-log position, so a new worker downloads them and follows the log from there
      -- instead of rebuilding the replica from rows. complete is set once every part is written; a kept seed's
      -- position holds the change log back like a live replica's (compactChangeLog).
      CREATE TABLE replica_seeds (
        id bigserial PRIMARY KEY,
        position bigint NOT NULL,
        embedder_id text NOT NULL,
        dimensions integer NOT NULL,
        schema_version integer NOT NULL,
        complete boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- One row per shipped file: its size and SHA-256, checked by the downloader.
      CREATE TABLE replica_seed_files (
        seed_id bigint NOT NULL REFERENCES replica_seeds (id) ON DELETE CASCADE,
        name text NOT NULL,
        bytes bigint NOT NULL,
        sha256 text NOT NULL,
        PRIMARY KEY (seed_id, name)
      );
      -- The files' bytes, in parts of a few megabytes, in order.
      CREATE TABLE replica_seed_parts (
        seed_id bigint NOT NULL,
        name text NOT NULL,
        part integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (seed_id, name, part),
        FOREIGN KEY (seed_id, name) REFERENCES replica_seed_files (seed_id, name) ON DELETE CASCADE
      );
      ALTER TABLE replica_seed_parts ALTER COLUMN bytes SET STORAGE EXTERNAL;
    `,
  },
];
