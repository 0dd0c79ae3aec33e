import type { SubscriptionStore } from '../../store/subscription-store.js';
import type { BotDeps } from '../bot-deps.js';

/** The ports the digest commands use. */
export type DigestCommandsPorts = Pick<BotDeps, 'articles' | 'subscriptions' | 'settings' | 'logger' | 'readerKeys' | 'isStaff'>;

/** What the digest command handlers share. */
export interface DigestCommandsRuntime {
  readonly deps: DigestCommandsPorts;
  readonly subscriptions: SubscriptionStore;
  now(): Date;
}
