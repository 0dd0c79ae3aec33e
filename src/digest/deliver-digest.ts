import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../log/logger.js';
import type { MessageSender } from '../telegram/message-sender.js';
import { sendMessages, type SendMessagesOptions } from '../telegram/send-messages.js';
import type { SentDigestStore } from '../store/sent-digest-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import { metrics } from '../log/metrics.js';

/** What happened to one chat in a run. */
export interface ChatOutcome {
  chatId: string;
  status: 'sent' | 'already-sent' | 'claimed-elsewhere' | 'not-yet-subscribed' | 'disabled' | 'migrated' | 'failed';
  messageIds?: number[];
  reason?: string;
  /** For `failed`: whether a later run may succeed (network, 429, 5xx, the store away). */
  transient?: boolean;
  /** For `claimed-elsewhere`: when the other worker's claim runs out unless it makes progress. */
  retryAt?: Date;
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
  sender: MessageSender;
  subscriptions: SubscriptionStore;
  sentDigests: SentDigestStore;
  logger: Logger;
  now: () => Date;
  /** This worker's id in claims. */
  workerId: string;
  /** How long a claim holds without progress before another worker may retake it. */
  claimLeaseMs: number;
  /** Waits between attempts to mark a sent digest while the store is away (then the run gives up and a later one resumes). */
  markRetryDelaysMs: readonly number[];
  send?: Pick<SendMessagesOptions, 'sleep' | 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>;
  /** Messages already delivered per `chat|date`, kept between runs so a resumed send does not repeat them even when the store missed them. */
  partial: Map<string, number[]>;
}

/** Raised inside a send when the claim was retaken: another worker owns the digest now. */
class ClaimLostError extends Error {
  constructor(chatId: string, date: string) {
    super(`the claim on the digest of ${date} for chat ${chatId} was retaken by another worker`);
    this.name = 'ClaimLostError';
  }
}

/**
 * Claims a chat's digest, sends it, marks it sent, and acts on the outcome: disables the chat on a
 * permanent error, follows a group that became a supergroup, keeps partial progress (in the claim
 * and in memory) on a transient one. Every outcome is logged. Never throws: a crash becomes a
 * transient `failed` outcome (most often the store was away), which a later run retries.
 */
export async function deliverDigest(chatId: string, digest: DigestDelivery, context: DeliverDigestContext): Promise<ChatOutcome[]> {
  let outcomes: ChatOutcome[];
  try {
    outcomes = await deliverOnce(chatId, digest, context, true);
  } catch (error) {
    context.logger.error({ err: error, chatId, date: digest.date }, 'digest send crashed');
    outcomes = [{ chatId, status: 'failed', reason: error instanceof Error ? error.message : String(error), transient: true }];
  }
  for (const outcome of outcomes) metrics.digestSends.inc({ outcome: outcome.status });
  return outcomes;
}

async function deliverOnce(chatId: string, digest: DigestDelivery, context: DeliverDigestContext, followMigration: boolean): Promise<ChatOutcome[]> {
  const { logger, sender, sentDigests, subscriptions, workerId } = context;
  const date = digest.date;
  const key = `${chatId}|${date}`;
  const claimed = await sentDigests.claim(chatId, date, workerId, context.claimLeaseMs);
  if (claimed.status === 'sent') {
    context.partial.delete(key);
    return [{ chatId, status: 'already-sent' }];
  }
  if (claimed.status === 'claimed-elsewhere') {
    logger.info({ chatId, date, claimant: claimed.claimant, expiresAt: claimed.expiresAt.toISOString() }, 'digest claimed by another worker');
    return [{ chatId, status: 'claimed-elsewhere', reason: `claimed by ${claimed.claimant}`, retryAt: claimed.expiresAt }];
  }
  // This worker may know of more delivered messages than the claim (a progress write failed while the store was away).
  const remembered = context.partial.get(key) ?? [];
  const delivered = remembered.length > claimed.claim.messageIds.length ? remembered : claimed.claim.messageIds;
  const result = await sendMessages(sender, chatId, digest.messages, {
    ...context.send,
    delivered,
    onDelivered: async (ids) => {
      context.partial.set(key, [...ids]);
      if (!(await sentDigests.recordProgress(chatId, date, workerId, ids))) throw new ClaimLostError(chatId, date);
    },
    onRetry: ({ attempt, delayMs, failure }) => logger.warn({ chatId, date, attempt, delayMs, reason: failure.reason }, 'digest send failed; retrying'),
  });
  if (result.status === 'sent') {
    if (!(await markSent(chatId, date, result.messageIds, context))) {
      context.partial.delete(key);
      logger.error({ chatId, date }, 'digest sent, but its claim had been retaken by another worker meanwhile');
      return [{ chatId, status: 'failed', reason: 'claim retaken', transient: false }];
    }
    context.partial.delete(key);
    logger.info({ chatId, date, messageIds: result.messageIds }, 'digest sent');
    return [{ chatId, status: 'sent', messageIds: result.messageIds }];
  }
  if (result.status === 'interrupted') {
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    if (result.error instanceof ClaimLostError) {
      context.partial.delete(key);
      logger.error({ chatId, date }, 'stopped sending a digest: another worker retook its claim');
      return [{ chatId, status: 'claimed-elsewhere', reason }];
    }
    // The store is away: the claim stays ours (it lapses after the lease), the progress stays in memory.
    logger.error({ chatId, date, reason, delivered: result.delivered.length }, 'stopped sending a digest: could not record its progress; will resume later');
    return [{ chatId, status: 'failed', reason, transient: true }];
  }
  const { failure } = result;
  if (result.delivered.length > 0) context.partial.set(key, result.delivered);
  // Telegram answered, so the store holds the progress: give the claim up for whichever worker runs next.
  await sentDigests.release(chatId, date, workerId);
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

/**
 * Marks the digest sent, waiting through a short outage of the store: every message is out, and
 * only this worker knows it. Resolves false when the claim is no longer this worker's; throws when
 * the store stays away (the claim and the in-memory progress let a later run finish the mark).
 */
async function markSent(chatId: string, date: string, messageIds: number[], context: DeliverDigestContext): Promise<boolean> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await context.sentDigests.markSent(chatId, date, context.workerId, messageIds);
    } catch (error) {
      const wait = context.markRetryDelaysMs[attempt];
      if (wait === undefined) throw error;
      context.logger.warn({ chatId, date, reason: error instanceof Error ? error.message : String(error), delayMs: wait }, 'digest sent but not yet marked; retrying');
      // Unreferenced: a worker shutting down does not wait for the store to come back.
      await delay(wait, undefined, { ref: false });
    }
  }
}
