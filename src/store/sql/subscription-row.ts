import type { ChatKind, Subscription } from '../subscription-store.js';
import { decodeTime } from './decode-column.js';

/** A `subscriptions` row: SQLite's 1/0 and ISO text, or PostgreSQL's boolean and Dates. */
export interface SubscriptionRow {
  chat_id: string;
  title: string | null;
  username: string | null;
  kind: ChatKind;
  source: 'config' | 'command';
  active: number | boolean;
  disabled_reason: string | null;
  created_at: string | Date;
  active_since: string | Date;
}

/** A `subscriptions` row as the port's value. */
export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    chatId: row.chat_id,
    title: row.title,
    username: row.username,
    kind: row.kind,
    source: row.source,
    active: Boolean(row.active),
    disabledReason: row.disabled_reason,
    createdAt: decodeTime(row.created_at),
    activeSince: decodeTime(row.active_since),
  };
}
