import type Database from 'better-sqlite3';
import type { SentDigest, SentDigestStore } from './sent-digest-store.js';

interface SentDigestRow {
  chat_id: string;
  date: string;
  sent_at: string;
  message_ids: string;
}

/** {@link SentDigestStore} on the newsbot SQLite database (table `sent_digests`, keyed by chat and date). */
export class SqliteSentDigestStore implements SentDigestStore {
  readonly #database: Database.Database;

  constructor(database: Database.Database) {
    this.#database = database;
  }

  async wasSent(chatId: string, date: string): Promise<boolean> {
    return this.#database.prepare('SELECT 1 FROM sent_digests WHERE chat_id = ? AND date = ?').get(chatId, date) !== undefined;
  }

  async record(sent: SentDigest): Promise<boolean> {
    const result = this.#database
      .prepare('INSERT OR IGNORE INTO sent_digests (chat_id, date, sent_at, message_ids) VALUES (?, ?, ?, ?)')
      .run(sent.chatId, sent.date, sent.sentAt, JSON.stringify(sent.messageIds));
    return result.changes > 0;
  }

  async get(chatId: string, date: string): Promise<SentDigest | null> {
    const row = this.#database.prepare('SELECT * FROM sent_digests WHERE chat_id = ? AND date = ?').get(chatId, date) as SentDigestRow | undefined;
    return row ? toSentDigest(row) : null;
  }

  async onDate(date: string): Promise<SentDigest[]> {
    const rows = this.#database.prepare('SELECT * FROM sent_digests WHERE date = ? ORDER BY sent_at, chat_id').all(date) as SentDigestRow[];
    return rows.map(toSentDigest);
  }
}

function toSentDigest(row: SentDigestRow): SentDigest {
  return { chatId: row.chat_id, date: row.date, sentAt: row.sent_at, messageIds: JSON.parse(row.message_ids) as number[] };
}
