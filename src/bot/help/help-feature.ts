import { Composer } from 'telegraf';
import type { BotRuntime } from '../bot-runtime.js';
import type { BotContext } from '../shared/bot-context.js';
import type { BotFeature } from '../shared/bot-feature.js';
import { describeCommand } from '../shared/describe-command.js';
import { renderHelp } from '../shared/render/render-help.js';
import { sendHtml } from '../shared/reply/send-html.js';
import { startCommand } from './start-command.js';

/** `/start` (what the bot does, with example questions; or what a deep link opens) and `/help` (how to ask, the commands, the privacy note). */
export function helpFeature(runtime: BotRuntime): BotFeature {
  const composer = new Composer<BotContext>();
  const { deps } = runtime;
  // `t.me/<bot>?start=src_…` or `tl_…` opens a source or a timeline; any other payload gets the usual greeting.
  composer.start(async (ctx) => {
    if (ctx.payload.length > 0 && (await runtime.deepLinks.open(ctx, ctx.payload))) return;
    await startCommand(ctx, runtime);
  });
  composer.help(async (ctx) => {
    const privacy = { retentionDays: deps.settings.questionLogRetentionDays };
    await sendHtml(ctx, renderHelp(ctx.messages, runtime.menu(), deps.isStaff(ctx.from.id), privacy));
  });
  return { composer, menu: [describeCommand('start'), describeCommand('help')] };
}
