import { Telegraf } from 'telegraf';
import { menuCommands } from './api/menu-commands.js';
import { installApiRetry, type ApiRetryOptions } from './api/retry-api-calls.js';
import type { BotDeps } from './bot-deps.js';
import { MissingBotTokenError } from './bot-errors.js';
import { createBotRuntime } from './bot-runtime.js';
import { registerCommands } from './commands/register-commands.js';
import { registerButtonHandlers } from './handlers/register-button-handlers.js';
import { registerTimeline } from './timeline/register-timeline.js';
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
  const bot = new Telegraf(settings.token, {
    // webhookReply off: every call gets a real response (message ids for buttons, errors we can retry).
    telegram: { webhookReply: false, ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}) },
    handlerTimeout: settings.handlerTimeoutMs + TELEGRAF_TIMEOUT_MARGIN_MS,
  });
  const apiRetry = { logger: deps.logger, ...options.apiRetry };
  installApiRetry(bot.telegram, apiRetry);
  // telegraf gives every update its own Telegram client, so the retry goes on each of them too.
  bot.use((ctx, next) => {
    installApiRetry(ctx.telegram, apiRetry);
    return next();
  });
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
  registerTimeline(bot, runtime);
  registerInlineQueryHandler(bot, runtime);
  registerQuestionHandlers(bot, runtime);
  // Last: every button the handlers above did not take still gets an answer.
  registerUnknownButtons(bot);
  return bot;
}
