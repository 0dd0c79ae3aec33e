import type pg from 'pg';
import type { ClaimDigestResult, SentDigest } from '../sent-digest-store.js';
import { SqlSentDigestStore } from '../sql/sql-sent-digest-store.js';
import { postgresClient } from './postgres-client.js';

/**
 * `SentDigestStore` on PostgreSQL (table `digest_deliveries`), shared by every worker. A claim
 * is one `INSERT … ON CONFLICT DO UPDATE … WHERE` statement, atomic under the row's lock, so two
 * workers never both hold it; leases are measured on the database's clock, never a worker's, so a
 * worker with a skewed clock cannot retake a live claim early.
 */
export class PostgresSentDigestStore extends SqlSentDigestStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    super(postgresClient(pool), 'digest_deliveries');
    this.#pool = pool;
  }

  async claim(chatId: string, date: string, claimant: string, leaseMs: number): Promise<ClaimDigestResult> {
    // Twice at most: the row can change between the failed claim and the look at why it failed.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const claimed = await this.#pool.query<{ message_ids: string[] }>(
        `INSERT INTO digest_deliveries AS d (chat_id, date, state, claimant, claimed_at) VALUES ($1, $2, 'claimed', $3, clock_timestamp())
         ON CONFLICT (chat_id, date) DO UPDATE SET claimant = excluded.claimant, claimed_at = excluded.claimed_at
         WHERE d.state = 'claimed' AND (d.claimant IS NULL OR d.claimant = excluded.claimant OR d.claimed_at <= clock_timestamp() - $4 * interval '1 millisecond')
         RETURNING message_ids`,
        [chatId, date, claimant, leaseMs],
      );
      const row = claimed.rows[0];
      if (row) return { status: 'claimed', claim: { chatId, date, claimant, messageIds: row.message_ids.map(Number) } };
      const { rows } = await this.#pool.query<{ state: 'claimed' | 'sent'; claimant: string | null; expires_at: Date | null }>(
        `SELECT state, claimant, claimed_at + $3 * interval '1 millisecond' AS expires_at FROM digest_deliveries WHERE chat_id = $1 AND date = $2`,
        [chatId, date, leaseMs],
      );
      const current = rows[0];
      if (current?.state === 'sent') return { status: 'sent' };
      if (current?.claimant && current.expires_at) return { status: 'claimed-elsewhere', claimant: current.claimant, expiresAt: current.expires_at };
    }
    throw new Error(`could not claim the digest of ${date} for chat ${chatId}: the claim kept changing`);
  }

  async recordProgress(chatId: string, date: string, claimant: string, messageIds: readonly number[]): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `UPDATE digest_deliveries SET message_ids = $4, claimed_at = clock_timestamp() WHERE chat_id = $1 AND date = $2 AND state = 'claimed' AND claimant = $3`,
      [chatId, date, claimant, messageIds],
    );
    return (rowCount ?? 0) > 0;
  }

  async markSent(chatId: string, date: string, claimant: string, messageIds: readonly number[]): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `UPDATE digest_deliveries SET state = 'sent', sent_at = clock_timestamp(), message_ids = $4
       WHERE chat_id = $1 AND date = $2 AND state = 'claimed' AND claimant = $3`,
      [chatId, date, claimant, messageIds],
    );
    return (rowCount ?? 0) > 0;
  }

  async record(sent: SentDigest): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `INSERT INTO digest_deliveries AS d (chat_id, date, state, sent_at, message_ids) VALUES ($1, $2, 'sent', $3, $4)
       ON CONFLICT (chat_id, date) DO UPDATE SET state = 'sent', claimant = NULL, claimed_at = NULL, sent_at = excluded.sent_at, message_ids = excluded.message_ids
       WHERE d.state <> 'sent'`,
      [sent.chatId, sent.date, new Date(sent.sentAt), sent.messageIds],
    );
    return (rowCount ?? 0) > 0;
  }
}
