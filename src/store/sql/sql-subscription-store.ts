import type { ReaderIdentity } from '../reader-data.js';
import { UNSUBSCRIBED, type EnsureConfiguredResult, type SubscribeInput, type Subscription, type SubscriptionStore } from '../subscription-store.js';
import type { SqlClient } from './sql-client.js';
import { type SubscriptionRow, toSubscription } from './subscription-row.js';

/**
 * {@link SubscriptionStore} on table `subscriptions`, written once for both backends but for the writes that read
 * and write as a unit (`subscribe`, `ensureConfigured`, `migrate`): those are each backend's own transaction.
 */
export abstract class SqlSubscriptionStore implements SubscriptionStore {
  readonly readerDataTables = ['subscriptions'] as const;
  protected readonly now: () => Date;
  readonly #client: SqlClient;

  constructor(client: SqlClient, now: () => Date) {
    this.#client = client;
    this.now = now;
  }

  abstract subscribe(input: SubscribeInput): Promise<Subscription>;
  abstract ensureConfigured(chatId: string): Promise<EnsureConfiguredResult>;
  abstract migrate(fromChatId: string, toChatId: string): Promise<void>;

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
    return this.#client.deleteReaderRows([['DELETE FROM subscriptions WHERE chat_id = ?', reader.privateChatId]]);
  }

  async get(chatId: string): Promise<Subscription | null> {
    const [row] = await this.#client.rows<SubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = ?', [chatId]);
    return row ? toSubscription(row) : null;
  }

  async importSubscription(subscription: Subscription): Promise<boolean> {
    const changed = await this.#client.run(
      `INSERT INTO subscriptions (chat_id, title, username, kind, source, active, disabled_reason, created_at, active_since, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO NOTHING`,
      [
        subscription.chatId,
        subscription.title,
        subscription.username,
        subscription.kind,
        subscription.source,
        subscription.active,
        subscription.disabledReason,
        subscription.createdAt,
        subscription.activeSince,
        this.now(),
      ],
    );
    return changed > 0;
  }

  async findByUsername(username: string): Promise<Subscription | null> {
    const name = username.replace(/^@/, '');
    const [row] = await this.#client.rows<SubscriptionRow>(`SELECT * FROM subscriptions WHERE lower(username) = lower(?) OR lower(chat_id) = lower(?) ${this.#order()} LIMIT 1`, [
      name,
      `@${name}`,
    ]);
    return row ? toSubscription(row) : null;
  }

  async activeSubscriptions(): Promise<Subscription[]> {
    const rows = await this.#client.rows<SubscriptionRow>(`SELECT * FROM subscriptions WHERE active = ? ${this.#order()}`, [true]);
    return rows.map(toSubscription);
  }

  async all(): Promise<Subscription[]> {
    const rows = await this.#client.rows<SubscriptionRow>(`SELECT * FROM subscriptions ${this.#order()}`);
    return rows.map(toSubscription);
  }

  async #deactivate(chatId: string, reason: string): Promise<boolean> {
    const changed = await this.#client.run('UPDATE subscriptions SET active = ?, disabled_reason = ?, updated_at = ? WHERE chat_id = ? AND active = ?', [
      false,
      reason,
      this.now(),
      chatId,
      true,
    ]);
    return changed > 0;
  }

  /** Oldest subscription first, chat ids in byte order on either backend. */
  #order(): string {
    return `ORDER BY created_at, ${this.#client.byteOrder('chat_id')}`;
  }
}
