import type Database from 'better-sqlite3';
import type { ReaderIdentity } from '../reader-data.js';
import { deleteSecurely } from './sqlite-secure-delete.js';
import { UNSUBSCRIBED, type ChatKind, type EnsureConfiguredResult, type SubscribeInput, type Subscription, type SubscriptionStore } from '../subscription-store.js';

interface SubscriptionRow {
  chat_id: string;
  title: string | null;
  username: string | null;
  kind: ChatKind;
  source: 'config' | 'command';
  active: number;
  disabled_reason: string | null;
  created_at: string;
  active_since: string;
}

/** {@link SubscriptionStore} on the newsbot SQLite database (table `subscriptions`, created by the migrations). */
export class SqliteSubscriptionStore implements SubscriptionStore {
  readonly readerDataTables = ['subscriptions'] as const;
  readonly #database: Database.Database;
  readonly #now: () => Date;

  constructor(database: Database.Database, now: () => Date = () => new Date()) {
    this.#database = database;
    this.#now = now;
  }

  async subscribe(input: SubscribeInput): Promise<Subscription> {
    return this.#subscribe(input);
  }

  async ensureConfigured(chatId: string): Promise<EnsureConfiguredResult> {
    // One transaction: read and write as a unit, so two workers starting together agree on the status.
    return this.#database
      .transaction((): EnsureConfiguredResult => {
        const existing = this.#get(chatId);
        const previousReason = existing?.disabledReason ?? null;
        if (existing?.disabledReason === UNSUBSCRIBED) return { subscription: existing, status: 'unsubscribed', previousReason };
        if (existing?.active && existing.source === 'config') return { subscription: existing, status: 'unchanged', previousReason };
        const subscription = this.#subscribe({ chatId, kind: existing?.kind ?? 'unknown', source: 'config' });
        return { subscription, status: existing === null ? 'added' : existing.active ? 'unchanged' : 'reactivated', previousReason };
      })
      .immediate();
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
    return deleteSecurely(this.#database, [['DELETE FROM subscriptions WHERE chat_id = ?', reader.privateChatId]]);
  }

  async migrate(fromChatId: string, toChatId: string): Promise<void> {
    this.#database
      .transaction(() => {
        this.#database.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(toChatId);
        this.#database.prepare(`UPDATE subscriptions SET chat_id = ?, kind = 'supergroup', updated_at = ? WHERE chat_id = ?`).run(toChatId, this.#now().toISOString(), fromChatId);
      })
      .immediate();
  }

  async get(chatId: string): Promise<Subscription | null> {
    return this.#get(chatId);
  }

  async importSubscription(subscription: Subscription): Promise<boolean> {
    const result = this.#database
      .prepare(
        `INSERT INTO subscriptions (chat_id, title, username, kind, source, active, disabled_reason, created_at, active_since, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO NOTHING`,
      )
      .run(
        subscription.chatId,
        subscription.title,
        subscription.username,
        subscription.kind,
        subscription.source,
        subscription.active ? 1 : 0,
        subscription.disabledReason,
        subscription.createdAt,
        subscription.activeSince,
        this.#now().toISOString(),
      );
    return result.changes > 0;
  }

  async findByUsername(username: string): Promise<Subscription | null> {
    const name = username.replace(/^@/, '');
    const row = this.#database.prepare('SELECT * FROM subscriptions WHERE lower(username) = lower(?) OR lower(chat_id) = lower(?)').get(name, `@${name}`) as
      | SubscriptionRow
      | undefined;
    return row ? toSubscription(row) : null;
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const rows = this.#database.prepare('SELECT * FROM subscriptions WHERE active = 1 ORDER BY created_at, chat_id').all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async all(): Promise<Subscription[]> {
    const rows = this.#database.prepare('SELECT * FROM subscriptions ORDER BY created_at, chat_id').all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  #subscribe(input: SubscribeInput): Subscription {
    const now = this.#now().toISOString();
    this.#database
      .prepare(
        `INSERT INTO subscriptions (chat_id, title, username, kind, source, active, disabled_reason, created_at, active_since, updated_at)
         VALUES (@chatId, @title, @username, @kind, @source, 1, NULL, @now, @now, @now)
         ON CONFLICT (chat_id) DO UPDATE SET
           active_since = CASE WHEN active = 1 THEN active_since ELSE excluded.updated_at END,
           title = COALESCE(excluded.title, title), username = COALESCE(excluded.username, username),
           kind = CASE WHEN excluded.kind = 'unknown' THEN kind ELSE excluded.kind END,
           source = excluded.source, active = 1, disabled_reason = NULL, updated_at = excluded.updated_at`,
      )
      .run({ chatId: input.chatId, title: input.title ?? null, username: input.username ?? null, kind: input.kind, source: input.source, now });
    return this.#get(input.chatId) as Subscription;
  }

  #get(chatId: string): Subscription | null {
    const row = this.#database.prepare('SELECT * FROM subscriptions WHERE chat_id = ?').get(chatId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  #deactivate(chatId: string, reason: string): boolean {
    const result = this.#database
      .prepare('UPDATE subscriptions SET active = 0, disabled_reason = ?, updated_at = ? WHERE chat_id = ? AND active = 1')
      .run(reason, this.#now().toISOString(), chatId);
    return result.changes > 0;
  }
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    chatId: row.chat_id,
    title: row.title,
    username: row.username,
    kind: row.kind,
    source: row.source,
    active: row.active === 1,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    activeSince: row.active_since,
  };
}
