import type { BotFeature } from '../shared/bot-feature.js';
import type { BotContext } from '../shared/bot-context.js';
import { Composer } from 'telegraf';
import { staffOnly } from '../shared/staff-only.js';
import { addChannelCommand, removeChannelCommand } from './channel-commands.js';
import { DIGEST_MESSAGES_EN, DIGEST_MESSAGES_ZH } from './digest-command-messages.js';
import type { DigestCommandsPorts, DigestCommandsRuntime } from './digest-commands-runtime.js';
import { previewDigestCommand } from './preview-digest-command.js';
import { subscribeCommand, unsubscribeCommand } from './subscription-commands.js';

/** Options for {@link registerDigestCommands}; the defaults suit `serve`. */
export interface DigestCommandsOptions {
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
}

/**
 * The digest commands: `/subscribe` and `/unsubscribe` (group admins), `/addchannel` and
 * `/removechannel @name` (staff), `/digest [YYYY-MM-DD]` (anyone), with their menu entries.
 * Subscriptions are kept in `deps.subscriptions`.
 */
export function digestCommandsFeature(deps: DigestCommandsPorts, options: DigestCommandsOptions = {}): BotFeature {
  const composer = new Composer<BotContext>();
  const runtime: DigestCommandsRuntime = { deps, now: options.now ?? (() => new Date()), subscriptions: deps.subscriptions };
  composer.command('subscribe', (ctx) => subscribeCommand(ctx, runtime));
  composer.command('unsubscribe', (ctx) => unsubscribeCommand(ctx, runtime));
  composer.command('digest', (ctx) => previewDigestCommand(ctx, runtime, ctx.payload));
  composer.command(
    'addchannel',
    staffOnly(deps, (ctx) => addChannelCommand(ctx, runtime, ctx.payload)),
  );
  composer.command(
    'removechannel',
    staffOnly(deps, (ctx) => removeChannelCommand(ctx, runtime, ctx.payload)),
  );
  const describe = (command: keyof typeof DIGEST_MESSAGES_ZH.descriptions, staff = false) => ({
    command,
    zh: DIGEST_MESSAGES_ZH.descriptions[command],
    en: DIGEST_MESSAGES_EN.descriptions[command],
    staffOnly: staff,
  });
  const menu = [describe('digest'), describe('subscribe'), describe('unsubscribe'), describe('addchannel', true), describe('removechannel', true)];
  return { composer, menu };
}
