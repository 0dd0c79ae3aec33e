import type { Logger } from '../log/logger.js';
import type { FollowStore } from '../store/follow-store.js';
import type { FollowAlert } from './find-follow-alerts.js';

/** Sends one chat's alerts as one message (HTML with its buttons, rendered by the bot). */
export type SendFollowAlerts = (chatId: string, alerts: readonly FollowAlert[]) => Promise<void>;

export interface DeliverFollowAlertsOptions {
  follows: FollowStore;
  send: SendFollowAlerts;
  /** Alerts one chat may get on `day` (FOLLOW_ALERTS_PER_DAY). */
  alertsPerDay: number;
  /** Today in DIGEST_TIMEZONE (YYYY-MM-DD): the day the cap counts. */
  day: string;
  logger: Logger;
}

/**
 * Per chat: at most the day's remaining alerts, each claimed in the store before it is sent (a claim some other worker,
 * or this one before a restart, holds already is skipped), merged into one message. An article about two of the chat's
 * topics is one alert. A failed send is logged and not retried: its claims stay, so it is never sent twice.
 * Resolves the number of alerts sent.
 */
export async function deliverFollowAlerts(alerts: readonly FollowAlert[], options: DeliverFollowAlertsOptions): Promise<number> {
  const byChat = new Map<string, FollowAlert[]>();
  for (const alert of alerts) {
    const chat = byChat.get(alert.follow.chatId) ?? [];
    if (!chat.some((other) => other.entry.articleId === alert.entry.articleId)) chat.push(alert);
    byChat.set(alert.follow.chatId, chat);
  }
  let sent = 0;
  for (const [chatId, chatAlerts] of byChat) {
    const claimed: FollowAlert[] = [];
    let left = options.alertsPerDay - (await options.follows.alertsOnDay(chatId, options.day));
    for (const alert of chatAlerts) {
      if (left <= 0) break;
      const ours = await options.follows.claimAlert({ chatId, articleId: alert.entry.articleId, day: options.day, topic: alert.follow.topic });
      if (!ours) continue;
      claimed.push(alert);
      left -= 1;
    }
    if (claimed.length === 0) continue;
    try {
      await options.send(chatId, claimed);
      sent += claimed.length;
    } catch (error) {
      options.logger.warn({ err: error, alerts: claimed.length }, 'could not send follow alerts; they are not retried');
    }
  }
  return sent;
}
