import type { BotRuntime } from '../bot-runtime.js';
import type { BotFeature } from '../shared/bot-feature.js';
import { commandFeature } from '../shared/command-feature.js';
import { forgetCommand } from './forget-command.js';

/** `/forget`: erases everything the bot keeps about the reader. */
export function forgetFeature(runtime: BotRuntime): BotFeature {
  return commandFeature('forget', (ctx) => forgetCommand(ctx, runtime));
}
