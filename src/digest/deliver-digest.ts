import type { Logger } from '../log/logger.js';
import type { DigestSender } from './digest-sender.js';
import { sendDigest, type SendDigestOptions } from './send-digest.js';
import type { SentDigestStore } from '../store/sent-digest-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';

/** What happened to one chat in a run. */
export interface ChatOutcome {
  chatId: string;
  status: 'sent' | 'already-sent' | 'not-yet-subscribed' | 'disabled' | 'migrated' | 'failed';
  messageIds?: number[];
  reason?: string;
  /** For `failed`: whether a later run may succeed (network, 429, 5xx). */
  transient?: boolean;
}

/** A day's digest as the messages to post. */
export interface DigestDelivery {
  /** YYYY-MM-DD. */
  date: string;
  /** Telegram HTML, in order. */
  messages: readonly string[];
}

/** What delivering to one chat needs. */
export interface DeliverDigestContext {
  sender: DigestSender;
  subscriptions: SubscriptionStore;
  sentDigests: SentDigestStore;
  logger: Logger;
  now: () => Date;
  send?: Pick<SendDigestOptions, 'sleep' | 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>;
  /** Messages already delivered per `chat|date`, kept between runs so a resumed send does not repeat them. */
  partial: Map<string, number[]>;
}

/**
 * Sends a digest to one chat and acts on the outcome: records a complete send, disables the chat on
 * a permanent error, follows a group that became a supergroup, keeps partial progress on a
 * transient one. Every outcome is logged. Never throws: a crash becomes a `failed` outcome.
 */
export async function deliverDigest(chatId: string, digest: DigestDelivery, context: DeliverDigestContext): Promise<ChatOutcome[]> {
  try {
    return await deliverOnce(chatId, digest, context, true);
  } catch (error) {
    context.logger.error({ err: error, chatId, date: digest.date }, 'digest send crashed');
    return [{ chatId, status: 'failed', reason: error instanceof Error ? error.message : String(error), transient: false }];
  }
}

async function deliverOnce(chatId: string, digest: DigestDelivery, context: DeliverDigestContext, followMigration: boolean): Promise<ChatOutcome[]> {
  const { logger, sender, sentDigests, subscriptions } = context;
  const date = digest.date;
  const key = `${chatId}|${date}`;
  const result = await sendDigest(sender, chatId, digest.messages, {
    ...context.send,
    delivered: context.partial.get(key) ?? [],
    onRetry: ({ attempt, delayMs, failure }) => logger.warn({ chatId, date, attempt, delayMs, reason: failure.reason }, 'digest send failed; retrying'),
  });
  if (result.status === 'sent') {
    context.partial.delete(key);
    await sentDigests.record({ chatId, date, sentAt: context.now().toISOString(), messageIds: result.messageIds });
    logger.info({ chatId, date, messageIds: result.messageIds }, 'digest sent');
    return [{ chatId, status: 'sent', messageIds: result.messageIds }];
  }
  const { failure } = result;
  if (result.delivered.length > 0) context.partial.set(key, result.delivered);
  switch (failure.kind) {
    case 'permanent':
      await subscriptions.disable(chatId, failure.reason);
      logger.warn({ chatId, date, reason: failure.reason }, 'digest chat disabled after a permanent error');
      return [{ chatId, status: 'disabled', reason: failure.reason }];
    case 'migrated': {
      await subscriptions.migrate(chatId, failure.toChatId);
      logger.info({ chatId, toChatId: failure.toChatId, date }, 'digest chat moved to its supergroup');
      const moved: ChatOutcome = { chatId, status: 'migrated', reason: failure.reason };
      if (!followMigration || (await sentDigests.wasSent(failure.toChatId, date))) return [moved];
      return [moved, ...(await deliverOnce(failure.toChatId, digest, context, false))];
    }
    case 'transient':
      logger.error({ chatId, date, reason: failure.reason }, 'digest send failed after retries; will try again later');
      return [{ chatId, status: 'failed', reason: failure.reason, transient: true }];
    case 'rejected':
      logger.error({ chatId, date, reason: failure.reason }, 'digest rejected by Telegram');
      return [{ chatId, status: 'failed', reason: failure.reason, transient: false }];
  }
}
