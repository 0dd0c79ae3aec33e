import type { MiddlewareFn } from 'telegraf';
import type { BotContext } from '../bot-context.js';
import { languageOf, messagesFor } from '../i18n/language.js';

/** Sets `ctx.language` and `ctx.messages` from the reader's Telegram `language_code`, once per update, before every feature. */
export function readerLanguage(): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    ctx.language = languageOf(ctx.from?.language_code);
    ctx.messages = messagesFor(ctx.from?.language_code);
    return next();
  };
}
