import { Composer } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { BotContext } from '../shared/bot-context.js';
import type { BotFeature } from '../shared/bot-feature.js';
import type { CommandContext } from '../shared/command-feature.js';
import { staffOnly } from '../shared/staff-only.js';
import { listPinsCommand, pinCommand, unpinCommand, type PinCommandPorts } from './pin-commands.js';
import { PIN_MESSAGES_EN, PIN_MESSAGES_ZH } from './pin-messages.js';

/** Staff `/pin`, `/unpin <id>` and `/pins`: the editors' answers readers asking the same thing get. */
export function pinsFeature(deps: PinCommandPorts & Pick<BotDeps, 'isStaff' | 'readerKeys' | 'logger'>): BotFeature {
  const composer = new Composer<BotContext>();
  const commands = { pin: pinCommand, unpin: unpinCommand, pins: listPinsCommand } as const;
  for (const [command, handler] of Object.entries(commands)) {
    composer.command(
      command,
      staffOnly(deps, (ctx: CommandContext) => handler(ctx, deps)),
    );
  }
  const menu = (['pin', 'unpin', 'pins'] as const).map((command) => ({
    command,
    zh: PIN_MESSAGES_ZH.descriptions[command],
    en: PIN_MESSAGES_EN.descriptions[command],
    staffOnly: true,
  }));
  return { composer, menu };
}
