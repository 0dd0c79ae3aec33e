import type Database from 'better-sqlite3';
import type { ClaimDigestResult, SentDigest } from '../sent-digest-store.js';
import { SqlSentDigestStore } from '../sql/sql-sent-digest-store.js';
import { sqliteClient } from './sqlite-client.js';

interface DeliveryRow {
  chat_id: string;
  date: string;
  state: 'claimed' | 'sent';
  claimant: string | null;
  claimed_at: number | null;
  sent_at: string | null;
  message_ids: string;
}

/**
 * `SentDigestStore` on the newsbot SQLite database (table `sent_digests`, keyed by chat and
 * date). A claim is read and written in one `BEGIN IMMEDIATE` transaction, so processes sharing the
 * file cannot both take it; the lease is measured on this store's clock (`now`).
 */
export class SqliteSentDigestStore extends SqlSentDigestStore {
  readonly #database: Database.Database;
  readonly #now: () => Date;

  constructor(database: Database.Database, now: () => Date = () => new Date()) {
    super(sqliteClient(database), 'sent_digests');
    this.#database = database;
    this.#now = now;
  }

  async claim(chatId: string, date: string, claimant: string, leaseMs: number): Promise<ClaimDigestResult> {
    return this.#database
      .transaction((): ClaimDigestResult => {
        const now = this.#now().getTime();
        const row = this.#row(chatId, date);
        if (row?.state === 'sent') return { status: 'sent' };
        if (row && row.claimant !== null && row.claimant !== claimant && (row.claimed_at ?? 0) + leaseMs > now) {
          return { status: 'claimed-elsewhere', claimant: row.claimant, expiresAt: new Date((row.claimed_at ?? 0) + leaseMs) };
        }
        this.#database
          .prepare(
            `INSERT INTO sent_digests (chat_id, date, state, claimant, claimed_at) VALUES (?, ?, 'claimed', ?, ?)
             ON CONFLICT (chat_id, date) DO UPDATE SET claimant = excluded.claimant, claimed_at = excluded.claimed_at`,
          )
          .run(chatId, date, claimant, now);
        return { status: 'claimed', claim: { chatId, date, claimant, messageIds: row ? (JSON.parse(row.message_ids) as number[]) : [] } };
      })
      .immediate();
  }

  async recordProgress(chatId: string, date: string, claimant: string, messageIds: readonly number[]): Promise<boolean> {
    const result = this.#database
      .prepare(`UPDATE sent_digests SET message_ids = ?, claimed_at = ? WHERE chat_id = ? AND date = ? AND state = 'claimed' AND claimant = ?`)
      .run(JSON.stringify(messageIds), this.#now().getTime(), chatId, date, claimant);
    return result.changes > 0;
  }

  async markSent(chatId: string, date: string, claimant: string, messageIds: readonly number[]): Promise<boolean> {
    const result = this.#database
      .prepare(`UPDATE sent_digests SET state = 'sent', sent_at = ?, message_ids = ? WHERE chat_id = ? AND date = ? AND state = 'claimed' AND claimant = ?`)
      .run(this.#now().toISOString(), JSON.stringify(messageIds), chatId, date, claimant);
    return result.changes > 0;
  }

  async record(sent: SentDigest): Promise<boolean> {
    const result = this.#database
      .prepare(
        `INSERT INTO sent_digests (chat_id, date, state, sent_at, message_ids) VALUES (?, ?, 'sent', ?, ?)
         ON CONFLICT (chat_id, date) DO UPDATE SET state = 'sent', claimant = NULL, claimed_at = NULL, sent_at = excluded.sent_at, message_ids = excluded.message_ids
         WHERE state <> 'sent'`,
      )
      .run(sent.chatId, sent.date, sent.sentAt, JSON.stringify(sent.messageIds));
    return result.changes > 0;
  }

  #row(chatId: string, date: string): DeliveryRow | undefined {
    return this.#database.prepare('SELECT * FROM sent_digests WHERE chat_id = ? AND date = ?').get(chatId, date) as DeliveryRow | undefined;
  }
}
