import { MESSAGES_EN } from './i18n/messages-en.js';
import { MESSAGES_ZH } from './i18n/messages-zh.js';
import type { Messages } from './i18n/messages.js';
import type { MenuCommand } from './menu-commands.js';

/** A menu entry for one of the bot's own commands, described in both languages from the message tables. */
export function describeCommand(command: keyof Messages['commandDescriptions'], staffOnly = false): MenuCommand {
  return { command, zh: MESSAGES_ZH.commandDescriptions[command], en: MESSAGES_EN.commandDescriptions[command], staffOnly };
}
