import { Context, type Telegram } from 'telegraf';

/**
 * A context class whose every instance talks through `telegram`, the bot's one client (with its retry transformer),
 * rather than the plain client telegraf creates for each update. Passed to telegraf as `contextType`.
 */
export function contextOnClient(telegram: Telegram): new (...args: ConstructorParameters<typeof Context>) => Context {
  return class ContextOnClient extends Context {
    constructor(...[update, , botInfo]: ConstructorParameters<typeof Context>) {
      super(update, telegram, botInfo);
    }
  };
}
