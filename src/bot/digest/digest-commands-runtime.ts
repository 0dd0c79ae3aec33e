import type { SubscriptionStore } from '../../digest/subscription-store.js';
import type { BotDeps } from '../bot-deps.js';

/** What the digest command handlers share. */
export interface DigestCommandsRuntime {
  readonly deps: BotDeps;
  /** Opened on first use, so a bot without digest tables still starts. */
  subscriptions(): SubscriptionStore;
  now(): Date;
}
