import type { Telegraf } from 'telegraf';
import { addMenuCommands } from './api/menu-commands.js';
import type { BotDeps } from './bot-deps.js';
import { staffOnly } from './commands/staff-only.js';
import { addChannelCommand, removeChannelCommand } from './digest/channel-commands.js';
import { DIGEST_MESSAGES_EN, DIGEST_MESSAGES_ZH } from './digest/digest-command-messages.js';
import type { DigestCommandsRuntime } from './digest/digest-commands-runtime.js';
import { previewDigestCommand } from './digest/preview-digest-command.js';
import { subscribeCommand, unsubscribeCommand } from './digest/subscription-commands.js';

/** Options for {@link registerDigestCommands}; the defaults suit `serve`. */
export interface DigestCommandsOptions {
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
}

/**
 * The digest commands: `/subscribe` and `/unsubscribe` (group admins), `/addchannel` and
 * `/removechannel @name` (staff), `/digest [YYYY-MM-DD]` (anyone). Also adds them to the menu.
 * Subscriptions are kept in `deps.subscriptions`.
 */
export function registerDigestCommands(bot: Telegraf, deps: BotDeps, options: DigestCommandsOptions = {}): void {
  const runtime: DigestCommandsRuntime = { deps, now: options.now ?? (() => new Date()), subscriptions: deps.subscriptions };
  bot.command('subscribe', (ctx) => subscribeCommand(ctx, runtime));
  bot.command('unsubscribe', (ctx) => unsubscribeCommand(ctx, runtime));
  bot.command('digest', (ctx) => previewDigestCommand(ctx, runtime, ctx.payload));
  bot.command(
    'addchannel',
    staffOnly(deps, (ctx) => addChannelCommand(ctx, runtime, ctx.payload)),
  );
  bot.command(
    'removechannel',
    staffOnly(deps, (ctx) => removeChannelCommand(ctx, runtime, ctx.payload)),
  );
  const describe = (command: keyof typeof DIGEST_MESSAGES_ZH.descriptions, staff = false) => ({
    command,
    zh: DIGEST_MESSAGES_ZH.descriptions[command],
    en: DIGEST_MESSAGES_EN.descriptions[command],
    staffOnly: staff,
  });
  addMenuCommands(bot, [describe('digest'), describe('subscribe'), describe('unsubscribe'), describe('addchannel', true), describe('removechannel', true)]);
}
