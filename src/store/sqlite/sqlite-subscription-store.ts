import type Database from 'better-sqlite3';
import { SqlSubscriptionStore } from '../sql/sql-subscription-store.js';
import { type SubscriptionRow, toSubscription } from '../sql/subscription-row.js';
import { UNSUBSCRIBED, type EnsureConfiguredResult, type SubscribeInput, type Subscription } from '../subscription-store.js';
import { sqliteClient } from './sqlite-client.js';

/** `SubscriptionStore` on the newsbot SQLite database (table `subscriptions`, created by the migrations). */
export class SqliteSubscriptionStore extends SqlSubscriptionStore {
  readonly #database: Database.Database;

  constructor(database: Database.Database, now: () => Date = () => new Date()) {
    super(sqliteClient(database), now);
    this.#database = database;
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

  async migrate(fromChatId: string, toChatId: string): Promise<void> {
    this.#database
      .transaction(() => {
        this.#database.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(toChatId);
        this.#database.prepare(`UPDATE subscriptions SET chat_id = ?, kind = 'supergroup', updated_at = ? WHERE chat_id = ?`).run(toChatId, this.now().toISOString(), fromChatId);
      })
      .immediate();
  }

  #subscribe(input: SubscribeInput): Subscription {
    const now = this.now().toISOString();
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
}
