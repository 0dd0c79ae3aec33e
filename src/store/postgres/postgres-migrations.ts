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
];
