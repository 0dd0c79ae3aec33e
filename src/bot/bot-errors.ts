/** `serve` was started without TELEGRAM_BOT_TOKEN: says how to get one and how to try answers without Telegram. */
export class MissingBotTokenError extends Error {
  constructor() {
    super(
      [
        'TELEGRAM_BOT_TOKEN is not set, so the bot cannot connect to Telegram.',
        'To get a token: open Telegram, talk to @BotFather, send /newbot, choose a name and a username ending in "bot";',
        'BotFather replies with a token like 123456789:AA…. Put it in .env as TELEGRAM_BOT_TOKEN=<token> (never commit it) and run `newsbot serve` again.',
        'To try the bot’s answers locally without Telegram: newsbot ask "株洲今年新建多少家爱心驿站？"',
      ].join('\n'),
    );
    this.name = 'MissingBotTokenError';
  }
}

/** The bot could not start: the token was refused, the Bot API was unreachable, or the webhook settings are wrong. */
export class BotStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotStartError';
  }
}
