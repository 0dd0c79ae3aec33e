import type { ReaderIdentity } from '../reader-data.js';
import type { ClaimDigestResult, SentDigest, SentDigestStore } from '../sent-digest-store.js';
import { decodeList, decodeTime } from './decode-column.js';
import type { SqlClient } from './sql-client.js';

/** A sent delivery row: SQLite's ISO text and JSON text, or PostgreSQL's Date and array. */
interface SentRow {
  chat_id: string;
  date: string;
  sent_at: string | Date | null;
  message_ids: string | (string | number)[];
}

/**
 * {@link SentDigestStore} written once for both backends but for the claim and its progress, whose SQL and clock
 * (this store's in SQLite, the database's in PostgreSQL) are each backend's own. `table` is `sent_digests` in SQLite
 * and `digest_deliveries` in PostgreSQL, with the same columns.
 */
export abstract class SqlSentDigestStore implements SentDigestStore {
  readonly readerDataTables: readonly [string];
  readonly #client: SqlClient;
  readonly #table: string;

  constructor(client: SqlClient, table: 'sent_digests' | 'digest_deliveries') {
    this.#client = client;
    this.#table = table;
    this.readerDataTables = [table];
  }

  abstract claim(chatId: string, date: string, claimant: string, leaseMs: number): Promise<ClaimDigestResult>;
  abstract recordProgress(chatId: string, date: string, claimant: string, messageIds: readonly number[]): Promise<boolean>;
  abstract markSent(chatId: string, date: string, claimant: string, messageIds: readonly number[]): Promise<boolean>;
  abstract record(sent: SentDigest): Promise<boolean>;

  /** The digests sent to a reader's private chat (a configured one, see `SubscriptionStore.forgetReader`). */
  async forgetReader(reader: ReaderIdentity): Promise<number> {
    return this.#client.deleteReaderRows([[`DELETE FROM ${this.#table} WHERE chat_id = ?`, reader.privateChatId]]);
  }

  async wasSent(chatId: string, date: string): Promise<boolean> {
    return (await this.get(chatId, date)) !== null;
  }

  async release(chatId: string, date: string, claimant: string): Promise<void> {
    await this.#client.run(`UPDATE ${this.#table} SET claimant = NULL, claimed_at = NULL WHERE chat_id = ? AND date = ? AND state = 'claimed' AND claimant = ?`, [
      chatId,
      date,
      claimant,
    ]);
  }

  async get(chatId: string, date: string): Promise<SentDigest | null> {
    const [row] = await this.#client.rows<SentRow>(`SELECT * FROM ${this.#table} WHERE chat_id = ? AND date = ? AND state = 'sent'`, [chatId, date]);
    return row ? toSentDigest(row) : null;
  }

  async onDate(date: string): Promise<SentDigest[]> {
    const rows = await this.#client.rows<SentRow>(`SELECT * FROM ${this.#table} WHERE date = ? AND state = 'sent' ORDER BY sent_at, ${this.#client.byteOrder('chat_id')}`, [date]);
    return rows.map(toSentDigest);
  }

  async all(): Promise<SentDigest[]> {
    const rows = await this.#client.rows<SentRow>(`SELECT * FROM ${this.#table} WHERE state = 'sent' ORDER BY date, sent_at, ${this.#client.byteOrder('chat_id')}`);
    return rows.map(toSentDigest);
  }
}

function toSentDigest(row: SentRow): SentDigest {
  return { chatId: row.chat_id, date: row.date, sentAt: row.sent_at === null ? '' : decodeTime(row.sent_at), messageIds: decodeList(row.message_ids).map(Number) };
}
