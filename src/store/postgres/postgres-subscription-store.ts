import type pg from 'pg';
import { UNSUBSCRIBED, type ChatKind, type EnsureConfiguredResult, type SubscribeInput, type Subscription, type SubscriptionStore } from '../subscription-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { withTransaction } from './with-transaction.js';

interface SubscriptionRow {
  chat_id: string;
  title: string | null;
  username: string | null;
  kind: ChatKind;
  source: 'config' | 'command';
  active: boolean;
  disabled_reason: string | null;
  created_at: Date;
  active_since: Date;
}

type Queryable = pg.Pool | pg.PoolClient;

/** Byte order, as SQLite sorts text, whatever the database's collation. */
const ORDER = 'ORDER BY created_at, chat_id COLLATE "C"';

/** {@link SubscriptionStore} on PostgreSQL (table `subscriptions`), shared by every worker. */
export class PostgresSubscriptionStore implements SubscriptionStore {
  readonly readerDataTables = ['subscriptions'] as const;
  readonly #pool: pg.Pool;
  readonly #now: () => Date;

  constructor(pool: pg.Pool, now: () => Date = () => new Date()) {
    this.#pool = pool;
    this.#now = now;
  }

  async subscribe(input: SubscribeInput): Promise<Subscription> {
    return this.#subscribe(this.#pool, input);
  }

  async ensureConfigured(chatId: string): Promise<EnsureConfiguredResult> {
    // One transaction holding the row: two workers starting together agree on the status.
    return withTransaction(this.#pool, async (client) => {
      const now = this.#now();
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

  async unsubscribe(chatId: string): Promise<boolean> {
    return this.#deactivate(chatId, UNSUBSCRIBED);
  }

  async disable(chatId: string, reason: string): Promise<boolean> {
    return this.#deactivate(chatId, reason);
  }

  /**
   * A private chat's subscription (only DIGEST_CHAT_IDS can name one: /subscribe is for groups). A configured one is
   * added again on the next start, as the operator configured it.
   */
  async forgetReader(reader: ReaderIdentity): Promise<number> {
    const { rowCount } = await this.#pool.query('DELETE FROM subscriptions WHERE chat_id = $1', [reader.privateChatId]);
    return rowCount ?? 0;
  }

  async migrate(fromChatId: string, toChatId: string): Promise<void> {
    await withTransaction(this.#pool, async (client) => {
      await client.query('DELETE FROM subscriptions WHERE chat_id = $1', [toChatId]);
      await client.query(`UPDATE subscriptions SET chat_id = $1, kind = 'supergroup', updated_at = $2 WHERE chat_id = $3`, [toChatId, this.#now(), fromChatId]);
    });
  }

  async get(chatId: string): Promise<Subscription | null> {
    const { rows } = await this.#pool.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = $1', [chatId]);
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  async importSubscription(subscription: Subscription): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `INSERT INTO subscriptions (chat_id, title, username, kind, source, active, disabled_reason, created_at, active_since, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (chat_id) DO NOTHING`,
      [
        subscription.chatId,
        subscription.title,
        subscription.username,
        subscription.kind,
        subscription.source,
        subscription.active,
        subscription.disabledReason,
        new Date(subscription.createdAt),
        new Date(subscription.activeSince),
        this.#now(),
      ],
    );
    return (rowCount ?? 0) > 0;
  }

  async findByUsername(username: string): Promise<Subscription | null> {
    const name = username.replace(/^@/, '');
    const { rows } = await this.#pool.query<SubscriptionRow>(`SELECT * FROM subscriptions WHERE lower(username) = lower($1) OR lower(chat_id) = lower($2) ${ORDER} LIMIT 1`, [
      name,
      `@${name}`,
    ]);
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const { rows } = await this.#pool.query<SubscriptionRow>(`SELECT * FROM subscriptions WHERE active ${ORDER}`);
    return rows.map(toSubscription);
  }

  async all(): Promise<Subscription[]> {
    const { rows } = await this.#pool.query<SubscriptionRow>(`SELECT * FROM subscriptions ${ORDER}`);
    return rows.map(toSubscription);
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
      [input.chatId, input.title ?? null, input.username ?? null, input.kind, input.source, this.#now()],
    );
    return toSubscription(rows[0]!);
  }

  async #deactivate(chatId: string, reason: string): Promise<boolean> {
    const result = await this.#pool.query('UPDATE subscriptions SET active = false, disabled_reason = $1, updated_at = $2 WHERE chat_id = $3 AND active', [
      reason,
      this.#now(),
      chatId,
    ]);
    return (result.rowCount ?? 0) > 0;
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    chatId: row.chat_id,
    title: row.title,
    username: row.username,
    kind: row.kind,
    source: row.source,
    active: row.active,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at.toISOString(),
    activeSince: row.active_since.toISOString(),
  };
}
