import { Composer } from 'telegraf';
import type { BotContext } from '../shared/bot-context.js';
import type { BotFeature } from '../shared/bot-feature.js';

/** Registered last: every button no feature took (old, unknown, not this reader's) still gets an answer, "expired". */
export function expiredButtonsFeature(): BotFeature {
  const composer = new Composer<BotContext>();
  composer.on('callback_query', async (ctx) => {
    await ctx.answerCbQuery(ctx.messages.buttonExpired);
  });
  return { composer, menu: [] };
}
