import { Composer } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { BotContext } from './bot-context.js';
import type { BotFeature } from './bot-feature.js';
import { describeCommand } from './describe-command.js';
import type { Messages } from './i18n/messages.js';
import { staffOnly } from './staff-only.js';

/** A command's context: the text after the command is `payload`. */
export type CommandContext = BotContext & { readonly payload: string };

/**
 * A feature that is one command of the bot's own menu. With `staff`, only users on STAFF_USER_IDS reach the handler
 * (others get the polite refusal) and the menu shows it in staff chats only.
 */
export function commandFeature(
  command: keyof Messages['commandDescriptions'],
  handler: (ctx: CommandContext) => Promise<void>,
  staff?: Pick<BotDeps, 'isStaff' | 'readerKeys' | 'logger'>,
): BotFeature {
  const composer = new Composer<BotContext>();
  composer.command(command, staff ? staffOnly(staff, handler) : handler);
  return { composer, menu: [describeCommand(command, staff !== undefined)] };
}
