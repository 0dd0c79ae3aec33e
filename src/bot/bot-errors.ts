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

/** Where to go when one long-polling process per bot is not enough. */
const SEVERAL_WORKERS_HINT =
  "Telegram delivers a bot's updates by long polling to one process only: stop the other one, or run several workers in webhook mode (set WEBHOOK_URL and WEBHOOK_SECRET, with DATABASE_URL for a shared archive).";

/** Another process already receives this bot's updates by long polling; `serve` stops instead of fighting it over getUpdates. */
export class PollingConflictError extends Error {
  /** How the conflict was seen: Telegram's 409 on getUpdates, a PostgreSQL lock, or the home's serve lock. */
  readonly detectedBy: 'telegram-409' | 'postgres-lock' | 'home-lock';
  constructor(detectedBy: PollingConflictError['detectedBy'], detail: string, options?: { cause?: unknown }) {
    super(`another newsbot serve is already receiving this bot's updates (${detail}). ${SEVERAL_WORKERS_HINT}`, options);
    this.name = 'PollingConflictError';
    this.detectedBy = detectedBy;
  }
}
