import type { Telegraf } from 'telegraf';
import { messagesFor } from '../i18n/language.js';

/**
 * Every callback query no button handler took (malformed data such as `fb:1:sideways`, a button of an older
 * version, a hand-made one) is answered with "expired": unanswered, the reader's client shows a spinner until
 * Telegram gives up. Register after every other button handler.
 */
export function registerUnknownButtons(bot: Telegraf): void {
  bot.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery(messagesFor(ctx.from.language_code).buttonExpired);
  });
}
