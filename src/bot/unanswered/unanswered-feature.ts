import type { BotRuntime } from '../bot-runtime.js';
import type { BotFeature } from '../shared/bot-feature.js';
import { commandFeature } from '../shared/command-feature.js';
import { unansweredCommand } from './unanswered-command.js';

/** Staff `/unanswered [days]`: what readers asked and the archive could not answer. */
export function unansweredFeature(runtime: BotRuntime): BotFeature {
  return commandFeature('unanswered', (ctx) => unansweredCommand(ctx, runtime, ctx.payload), runtime.deps);
}
