import type Database from 'better-sqlite3';

/**
 * Creates the digest tables on the shared newsbot database if they are missing.
 * Idempotent; call before using a subscription or sent-digest store.
 */
export function ensureDigestSchema(database: Database.Database): void {
  database.exec(`
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
  `);
}
