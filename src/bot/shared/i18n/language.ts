import type { BotLanguage, Messages } from './messages.js';
import { MESSAGES_EN } from './messages-en.js';
import { MESSAGES_ZH } from './messages-zh.js';

/** The interface language for a Telegram `language_code`: English for `en*`, Chinese otherwise. */
export function languageOf(languageCode: string | undefined): BotLanguage {
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The texts for a Telegram `language_code`. */
export function messagesFor(languageCode: string | undefined): Messages {
  return languageOf(languageCode) === 'en' ? MESSAGES_EN : MESSAGES_ZH;
}

/**
 * The language to answer a question in: Chinese when it contains Chinese characters, English when it is
 * written in Latin letters, else the interface language.
 */
export function questionLanguage(question: string, fallback: BotLanguage): BotLanguage {
  if (/\p{Script=Han}/u.test(question)) return 'zh';
  if (/[A-Za-z]{2,}/.test(question)) return 'en';
  return fallback;
}
