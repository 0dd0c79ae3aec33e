import { Telegraf } from 'telegraf';
import { menuCommands } from './api/menu-commands.js';
import type { ApiRetryOptions } from '../telegram/retry-bot-api-calls.js';
import { RetryingTelegram } from '../telegram/retrying-telegram.js';
import { contextOnClient } from './shared/context-on-client.js';
import type { BotDeps } from './bot-deps.js';
import { MissingBotTokenError } from './bot-errors.js';
import { createBotRuntime } from './bot-runtime.js';
import { registerCommands } from './commands/register-commands.js';
import { registerButtonHandlers } from './handlers/register-button-handlers.js';
import { registerFeedbackButtons } from './handlers/register-feedback-buttons.js';
import { registerInlineQueryHandler } from './handlers/register-inline-query-handler.js';
import { registerQuestionHandlers } from './handlers/register-question-handlers.js';
import { registerSourceButtons } from './handlers/register-source-buttons.js';
import { registerUnknownButtons } from './handlers/register-unknown-buttons.js';
import { handleBotError } from './middleware/handle-bot-error.js';
import { rateLimitGuard } from './middleware/rate-limit-guard.js';
import { SlidingWindowRateLimiter } from './middleware/rate-limiter.js';
import { registerOtherStoryButtons } from './other-stories/register-other-story-buttons.js';
import { registerCheckCommand } from './check-command.js';
import { registerDigestCommands } from './digest-commands.js';

export interface CreateBotOptions {
  /** Retry policy for Bot API calls (429, 5xx, network errors). */
  apiRetry?: ApiRetryOptions;
}

/** Extra time telegraf allows a handler beyond our own answer timeout before it gives up on the update. */
const TELEGRAF_TIMEOUT_MARGIN_MS = 15_000;

/**
 * The configured bot (not started): commands, questions in private chats and groups, buttons, inline mode,
 * retrying API calls and one error handler. Token and Bot API root come from `deps.archive.config.telegram`.
 */
export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Telegraf {
  const settings = deps.archive.config.telegram;
  if (!settings.token) throw new MissingBotTokenError();
  // webhookReply off: every call gets a real response (message ids for buttons, errors we can retry).
  const telegramOptions = { webhookReply: false, ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}) };
  const telegram = new RetryingTelegram(settings.token, telegramOptions, { logger: deps.logger, ...options.apiRetry });
  const bot = new Telegraf(settings.token, {
    telegram: telegramOptions,
    handlerTimeout: settings.handlerTimeoutMs + TELEGRAF_TIMEOUT_MARGIN_MS,
    // telegraf builds a plain client per update; every context uses the bot's retrying one instead.
    contextType: contextOnClient(telegram),
  });
  bot.telegram = telegram;
  bot.catch(handleBotError(deps.logger));
  // Before every feature: one rate limit for everything a user can make the bot send.
  bot.use(
    rateLimitGuard({
      limiter: new SlidingWindowRateLimiter(deps.rateLimits, undefined, undefined, (error) =>
        deps.logger.warn({ err: error }, 'rate limit store unavailable; admitting the request'),
      ),
      perUser: settings.rateLimitPerMinute,
      perChat: settings.rateLimitPerChatPerMinute,
      keys: deps.readerKeys,
      logger: deps.logger,
    }),
  );

  const runtime = createBotRuntime(deps, () => menuCommands(bot));
  registerCommands(bot, runtime);
  registerCheckCommand(bot, deps);
  registerDigestCommands(bot, deps);
  registerButtonHandlers(bot, runtime);
  registerFeedbackButtons(bot, runtime);
  registerSourceButtons(bot, runtime);
  registerOtherStoryButtons(bot, runtime);
  registerInlineQueryHandler(bot, runtime);
  registerQuestionHandlers(bot, runtime);
  // Last: every button the handlers above did not take still gets an answer.
  registerUnknownButtons(bot);
  return bot;
}
