import type { Telegram } from 'telegraf';
import type { Logger } from '../../log/logger.js';

/** A command shown in Telegram's command menu, described in both languages. */
export interface MenuCommand {
  /** Without the slash, lower case, at most 32 characters. */
  command: string;
  zh: string;
  en: string;
  /** Shown only in staff members' private chats. */
  staffOnly?: boolean;
}

const MENUS = new WeakMap<object, MenuCommand[]>();

/**
 * Adds commands to the bot's menu (published with setMyCommands when the server starts).
 * `createBot` adds each feature's entries, in menu order.
 */
export function addMenuCommands(bot: object, commands: readonly MenuCommand[]): void {
  const menu = MENUS.get(bot) ?? [];
  for (const command of commands) {
    if (!menu.some((existing) => existing.command === command.command)) menu.push(command);
  }
  MENUS.set(bot, menu);
}

/** The commands added so far, in the order added. */
export function menuCommands(bot: object): readonly MenuCommand[] {
  return MENUS.get(bot) ?? [];
}

/**
 * Publishes the menu: public commands for everyone (Chinese by default, English for `en` users), the full list in
 * each staff member's private chat, and the menu button beside the input field as "commands" (it opens that list, in
 * the reader's language as Telegram picks it by `language_code`). Failures are logged, never fatal: the bot works
 * without a menu.
 */
export async function publishMenuCommands(bot: { readonly telegram: Telegram }, staffUserIds: readonly string[], logger: Logger): Promise<void> {
  const menu = menuCommands(bot);
  const listFor = (language: 'zh' | 'en', includeStaff: boolean) =>
    menu.filter((item) => includeStaff || !item.staffOnly).map((item) => ({ command: item.command, description: item[language] }));
  const calls: Array<() => Promise<unknown>> = [
    () => bot.telegram.setMyCommands(listFor('zh', false)),
    () => bot.telegram.setMyCommands(listFor('en', false), { language_code: 'en' }),
    () => bot.telegram.setChatMenuButton({ menuButton: { type: 'commands' } }),
  ];
  for (const staffUserId of staffUserIds) {
    const scope = { type: 'chat' as const, chat_id: Number(staffUserId) };
    calls.push(() => bot.telegram.setMyCommands(listFor('zh', true), { scope }));
    calls.push(() => bot.telegram.setMyCommands(listFor('en', true), { scope, language_code: 'en' }));
  }
  for (const call of calls) {
    try {
      await call();
    } catch (error) {
      // A staff member who never opened a chat with the bot makes the chat scope fail; the rest still applies.
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'could not publish the command menu');
    }
  }
}
