import type { BotRuntime } from '../bot-runtime.js';
import type { BotFeature } from '../shared/bot-feature.js';
import { commandFeature } from '../shared/command-feature.js';
import { latestCommand } from './latest-command.js';

/** `/latest`: the newest articles, numbered for `/source <n>`. */
export function latestFeature(runtime: BotRuntime): BotFeature {
  return commandFeature('latest', (ctx) => latestCommand(ctx, runtime));
}
