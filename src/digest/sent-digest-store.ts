import type Database from 'better-sqlite3';
import { ensureDigestSchema } from './digest-schema.js';

/** Proof that a chat received the digest of a date. */
export interface SentDigest {
  chatId: string;
  date: string;
  sentAt: string;
  messageIds: number[];
}

/**
 * One row per (chat, date), written only after every message of the digest was accepted by
 * Telegram: the scheduler's "never twice" rests on this table.
 */
export class SentDigestStore {
  readonly #database: Database.Database;

  constructor(database: Database.Database) {
    ensureDigestSchema(database);
    this.#database = database;
  }

  wasSent(chatId: string, date: string): boolean {
    return this.#database.prepare('SELECT 1 FROM sent_digests WHERE chat_id = ? AND date = ?').get(chatId, date) !== undefined;
  }

  /** Records a completed send. Returns false (and changes nothing) when one was already recorded. */
  record(sent: SentDigest): boolean {
    const result = this.#database
      .prepare('INSERT OR IGNORE INTO sent_digests (chat_id, date, sent_at, message_ids) VALUES (?, ?, ?, ?)')
      .run(sent.chatId, sent.date, sent.sentAt, JSON.stringify(sent.messageIds));
    return result.changes > 0;
  }

  get(chatId: string, date: string): SentDigest | null {
    const row = this.#database.prepare('SELECT * FROM sent_digests WHERE chat_id = ? AND date = ?').get(chatId, date) as
      | { chat_id: string; date: string; sent_at: string; message_ids: string }
      | undefined;
    if (!row) return null;
    return { chatId: row.chat_id, date: row.date, sentAt: row.sent_at, messageIds: JSON.parse(row.message_ids) as number[] };
  }

  /** Everything sent on a date (for logs and tests). */
  onDate(date: string): SentDigest[] {
    const rows = this.#database.prepare('SELECT chat_id FROM sent_digests WHERE date = ? ORDER BY sent_at, chat_id').all(date) as { chat_id: string }[];
    return rows.map((row) => this.get(row.chat_id, date) as SentDigest);
  }
}
