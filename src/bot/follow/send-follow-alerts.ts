import type { Telegram } from 'telegraf';
import type { SendFollowAlerts } from '../../follow/deliver-follow-alerts.js';
import { renderFollowAlerts } from './render-follow-alerts.js';

/** Sends one chat's alerts as one HTML message with its source buttons, on a retrying client (`RetryingTelegram`). */
export function sendFollowAlerts(telegram: Telegram): SendFollowAlerts {
  return async (chatId, alerts) => {
    const { html, keyboard } = renderFollowAlerts(alerts);
    await telegram.sendMessage(chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) });
  };
}
