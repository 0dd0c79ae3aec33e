import type Database from 'better-sqlite3';
import { ensureDigestSchema } from './digest-schema.js';

/** The kind of chat a digest goes to (Telegram's `chat.type`, or `unknown` for a configured id). */
export type ChatKind = 'private' | 'group' | 'supergroup' | 'channel' | 'unknown';

/** Why a subscription is inactive: `unsubscribed` by an admin or staff, or a permanent send error. */
export const UNSUBSCRIBED = 'unsubscribed';

/** A chat that receives (or received) the daily digest. */
export interface Subscription {
  /** Telegram chat id as text ("-1001234567890"), or a configured "@channelname". */
  chatId: string;
  title: string | null;
  /** Public @name without the "@", when known (channels added by staff). */
  username: string | null;
  kind: ChatKind;
  /** `config` for DIGEST_CHAT_IDS, `command` for /subscribe and /addchannel. */
  source: 'config' | 'command';
  active: boolean;
  /** Set when inactive: {@link UNSUBSCRIBED} or the permanent error that disabled the chat. */
  disabledReason: string | null;
  createdAt: string;
  /** When the chat last became active: a chat subscribed by command after a day's digest time starts the next day. */
  activeSince: string;
}

/** What subscribing records about a chat. */
export interface SubscribeInput {
  chatId: string;
  title?: string | null;
  username?: string | null;
  kind: ChatKind;
  source: 'config' | 'command';
}

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

/** Subscriptions persisted in the shared SQLite database. */
export class SubscriptionStore {
  readonly #database: Database.Database;
  readonly #now: () => Date;

  constructor(database: Database.Database, now: () => Date = () => new Date()) {
    ensureDigestSchema(database);
    this.#database = database;
    this.#now = now;
  }

  /** Adds the chat or re-activates it; title and username are refreshed when given. Returns the stored row. */
  subscribe(input: SubscribeInput): Subscription {
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
    return this.get(input.chatId) as Subscription;
  }

  /**
   * Makes a DIGEST_CHAT_IDS entry active on start: adds it, or re-enables it after an earlier send
   * error (the operator may have fixed it). A chat whose admins unsubscribed stays unsubscribed.
   */
  ensureConfigured(chatId: string): { subscription: Subscription; status: 'added' | 'reactivated' | 'unchanged' | 'unsubscribed'; previousReason: string | null } {
    const existing = this.get(chatId);
    const previousReason = existing?.disabledReason ?? null;
    if (existing?.disabledReason === UNSUBSCRIBED) return { subscription: existing, status: 'unsubscribed', previousReason };
    if (existing?.active && existing.source === 'config') return { subscription: existing, status: 'unchanged', previousReason };
    const subscription = this.subscribe({ chatId, kind: existing?.kind ?? 'unknown', source: 'config' });
    return { subscription, status: existing === null ? 'added' : existing.active ? 'unchanged' : 'reactivated', previousReason };
  }

  /** Stops the digest for a chat (kept as a row so the choice survives restarts). Returns whether it was active. */
  unsubscribe(chatId: string): boolean {
    return this.#deactivate(chatId, UNSUBSCRIBED);
  }

  /** Disables a chat after a permanent send error, keeping the reason. Returns whether it was active. */
  disable(chatId: string, reason: string): boolean {
    return this.#deactivate(chatId, reason);
  }

  /** Moves a subscription to a new chat id (a group upgraded to a supergroup). */
  migrate(fromChatId: string, toChatId: string): void {
    this.#database.transaction(() => {
      this.#database.prepare('DELETE FROM subscriptions WHERE chat_id = ?').run(toChatId);
      this.#database
        .prepare(`UPDATE subscriptions SET chat_id = ?, kind = 'supergroup', updated_at = ? WHERE chat_id = ?`)
        .run(toChatId, this.#now().toISOString(), fromChatId);
    })();
  }

  get(chatId: string): Subscription | null {
    const row = this.#database.prepare('SELECT * FROM subscriptions WHERE chat_id = ?').get(chatId) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  /** Finds a subscription by its public @name (with or without the "@"), case-insensitively. */
  findByUsername(username: string): Subscription | null {
    const row = this.#database
      .prepare('SELECT * FROM subscriptions WHERE lower(username) = lower(?) OR lower(chat_id) = lower(?)')
      .get(username.replace(/^@/, ''), `@${username.replace(/^@/, '')}`) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  }

  /** Chats that should receive the digest, oldest subscription first. */
  activeSubscriptions(): Subscription[] {
    const rows = this.#database.prepare('SELECT * FROM subscriptions WHERE active = 1 ORDER BY created_at, chat_id').all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  all(): Subscription[] {
    const rows = this.#database.prepare('SELECT * FROM subscriptions ORDER BY created_at, chat_id').all() as SubscriptionRow[];
    return rows.map(toSubscription);
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
