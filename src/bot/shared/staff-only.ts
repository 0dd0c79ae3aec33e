import type { BotContext } from './bot-context.js';
import type { BotDeps } from '../bot-deps.js';
import { sendHtml } from './reply/send-html.js';

/**
 * Wraps a handler so only users on STAFF_USER_IDS reach it; others get a polite refusal that reveals
 * nothing about the command or the archive.
 */
export function staffOnly<C extends BotContext>(deps: Pick<BotDeps, 'isStaff' | 'readerKeys' | 'logger'>, handler: (ctx: C) => Promise<void>): (ctx: C) => Promise<void> {
  return async (ctx) => {
    if (deps.isStaff(ctx.from?.id)) {
      await handler(ctx);
      return;
    }
    const reader = ctx.from ? deps.readerKeys.reader(ctx.from.id) : null;
    deps.logger.info({ reader, updateId: ctx.update.update_id }, 'staff command refused');
    await sendHtml(ctx, ctx.messages.staffOnly);
  };
}
