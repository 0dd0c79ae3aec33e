import type { Composer } from 'telegraf';
import type { BotContext } from './bot-context.js';
import type { MenuCommand } from './menu-commands.js';

/** One reader feature: its handlers as a composer, and the commands it adds to the menu. Registered in `createBot`. */
export interface BotFeature {
  readonly composer: Composer<BotContext>;
  readonly menu: readonly MenuCommand[];
}
