import type { ReaderDataHolder } from './reader-data.js';

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

/** What {@link SubscriptionStore.ensureConfigured} did to a DIGEST_CHAT_IDS entry. */
export interface EnsureConfiguredResult {
  subscription: Subscription;
  status: 'added' | 'reactivated' | 'unchanged' | 'unsubscribed';
  previousReason: string | null;
}

/**
 * Port: the chats that get the daily digest. Async because the PostgreSQL adapter, shared by
 * several workers, is; the SQLite adapter is `SqliteSubscriptionStore`.
 */
export interface SubscriptionStore extends ReaderDataHolder {
  /** Adds the chat or re-activates it; title and username are refreshed when given. Returns the stored row. */
  subscribe(input: SubscribeInput): Promise<Subscription>;
  /**
   * Makes a DIGEST_CHAT_IDS entry active on start: adds it, or re-enables it after an earlier send
   * error (the operator may have fixed it). A chat whose admins unsubscribed stays unsubscribed.
   */
  ensureConfigured(chatId: string): Promise<EnsureConfiguredResult>;
  /** Stops the digest for a chat (kept as a row so the choice survives restarts). Resolves whether it was active. */
  unsubscribe(chatId: string): Promise<boolean>;
  /** Disables a chat after a permanent send error, keeping the reason. Resolves whether it was active. */
  disable(chatId: string, reason: string): Promise<boolean>;
  /** Moves a subscription to a new chat id (a group upgraded to a supergroup). */
  migrate(fromChatId: string, toChatId: string): Promise<void>;
  get(chatId: string): Promise<Subscription | null>;
  /** Stores a subscription as it is (`migrate --to`), unless the chat is already there. Resolves whether it was added. */
  importSubscription(subscription: Subscription): Promise<boolean>;
  /** Finds a subscription by its public @name (with or without the "@"), case-insensitively. */
  findByUsername(username: string): Promise<Subscription | null>;
  /** Chats that should receive the digest, oldest subscription first. */
  activeSubscriptions(): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
}
