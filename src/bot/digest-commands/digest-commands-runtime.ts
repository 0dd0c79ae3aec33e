import type { SubscriptionStore } from '../../store/subscription-store.js';
import type { BotDeps } from '../bot-deps.js';

/** What the digest command handlers share. */
export interface DigestCommandsRuntime {
  readonly deps: BotDeps;
  readonly subscriptions: SubscriptionStore;
  now(): Date;
}
