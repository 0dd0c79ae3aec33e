import type { BotRuntime } from '../bot-runtime.js';
import type { BotFeature } from '../shared/bot-feature.js';
import { commandFeature } from '../shared/command-feature.js';
import { searchCommand } from './search-command.js';

/** Staff `/search <words>`: ranked passages, as retrieval sees them. */
export function searchFeature(runtime: BotRuntime): BotFeature {
  return commandFeature('search', (ctx) => searchCommand(ctx, runtime, ctx.payload), runtime.deps);
}
