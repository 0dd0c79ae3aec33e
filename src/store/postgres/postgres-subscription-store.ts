import type pg from 'pg';
import { SqlSubscriptionStore } from '../sql/sql-subscription-store.js';
import { type SubscriptionRow, toSubscription } from '../sql/subscription-row.js';
import { UNSUBSCRIBED, type EnsureConfiguredResult, type SubscribeInput, type Subscription } from '../subscription-store.js';
import { postgresClient } from './postgres-client.js';
import { withTransaction } from './with-transaction.js';

type Queryable = pg.Pool | pg.PoolClient;

/** `SubscriptionStore` on PostgreSQL (table `subscriptions`), shared by every worker. */
export class PostgresSubscriptionStore extends SqlSubscriptionStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool, now: () => Date = () => new Date()) {
    super(postgresClient(pool), now);
    this.#pool = pool;
  }

  async subscribe(input: SubscribeInput): Promise<Subscription> {
    return this.#subscribe(this.#pool, input);
  }

  async ensureConfigured(chatId: string): Promise<EnsureConfiguredResult> {
    // One transaction holding the row: two workers starting together agree on the status.
    return withTransaction(this.#pool, async (client) => {
      const now = this.now();
      const inserted = await client.query<SubscriptionRow>(
        `INSERT INTO subscriptions (chat_id, kind, source, active, created_at, active_since, updated_at)
         VALUES ($1, 'unknown', 'config', true, $2, $2, $2) ON CONFLICT (chat_id) DO NOTHING RETURNING *`,
        [chatId, now],
      );
      const added = inserted.rows[0];
      if (added) return { subscription: toSubscription(added), status: 'added', previousReason: null };
      const { rows } = await client.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = $1 FOR UPDATE', [chatId]);
      const existing = toSubscription(rows[0]!);
      const previousReason = existing.disabledReason;
      if (existing.disabledReason === UNSUBSCRIBED) return { subscription: existing, status: 'unsubscribed', previousReason };
      if (existing.active && existing.source === 'config') return { subscription: existing, status: 'unchanged', previousReason };
      const subscription = await this.#subscribe(client, { chatId, kind: existing.kind, source: 'config' });
      return { subscription, status: existing.active ? 'unchanged' : 'reactivated', previousReason };
    });
  }

  async migrate(fromChatId: string, toChatId: string): Promise<void> {
    await withTransaction(this.#pool, async (client) => {
      await client.query('DELETE FROM subscriptions WHERE chat_id = $1', [toChatId]);
      await client.query(`UPDATE subscriptions SET chat_id = $1, kind = 'supergroup', updated_at = $2 WHERE chat_id = $3`, [toChatId, this.now(), fromChatId]);
    });
  }

  async #subscribe(queryable: Queryable, input: SubscribeInput): Promise<Subscription> {
    const { rows } = await queryable.query<SubscriptionRow>(
      `INSERT INTO subscriptions AS s (chat_id, title, username, kind, source, active, disabled_reason, created_at, active_since, updated_at)
       VALUES ($1, $2, $3, $4, $5, true, NULL, $6, $6, $6)
       ON CONFLICT (chat_id) DO UPDATE SET
         active_since = CASE WHEN s.active THEN s.active_since ELSE excluded.updated_at END,
         title = COALESCE(excluded.title, s.title), username = COALESCE(excluded.username, s.username),
         kind = CASE WHEN excluded.kind = 'unknown' THEN s.kind ELSE excluded.kind END,
         source = excluded.source, active = true, disabled_reason = NULL, updated_at = excluded.updated_at
       RETURNING *`,
      [input.chatId, input.title ?? null, input.username ?? null, input.kind, input.source, this.now()],
    );
    return toSubscription(rows[0]!);
  }
}
