import type { Context } from 'telegraf';
import type { BotLanguage, Messages } from './i18n/messages.js';

/** The context every feature handles: telegraf's, plus the reader's language and texts (set by `readerLanguage`). */
export interface BotContext extends Context {
  /** The interface language, from the reader's Telegram `language_code`. */
  language: BotLanguage;
  /** Every text the bot sends on its own, in `language`. */
  messages: Messages;
}
