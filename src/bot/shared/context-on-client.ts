import { Context, type Telegram } from 'telegraf';
import type { BotContext } from './bot-context.js';
import { MESSAGES_ZH } from './i18n/messages-zh.js';
import type { BotLanguage, Messages } from './i18n/messages.js';

/**
 * A context class whose every instance talks through `telegram`, the bot's one client (with its retry transformer),
 * rather than the plain client telegraf creates for each update. Passed to telegraf as `contextType`. Language and
 * texts start as the default (Chinese) until `readerLanguage` sets the reader's.
 */
export function contextOnClient(telegram: Telegram): new (...args: ConstructorParameters<typeof Context>) => BotContext {
  return class ContextOnClient extends Context implements BotContext {
    language: BotLanguage = 'zh';
    messages: Messages = MESSAGES_ZH;
    constructor(...[update, , botInfo]: ConstructorParameters<typeof Context>) {
      super(update, telegram, botInfo);
    }
  };
}
