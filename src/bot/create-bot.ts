import { Telegraf } from 'telegraf';
import type { ApiRetryOptions } from '../telegram/retry-bot-api-calls.js';
import { RetryingTelegram } from '../telegram/retrying-telegram.js';
import { askFeature } from './ask/ask-feature.js';
import type { BotDeps } from './bot-deps.js';
import { MissingBotTokenError } from './bot-errors.js';
import { createBotRuntime } from './bot-runtime.js';
import { checkFeature } from './check/check-feature.js';
import { digestCommandsFeature } from './digest-commands/digest-commands-feature.js';
import { expiredButtonsFeature } from './expired-buttons/expired-buttons-feature.js';
import { feedbackFeature } from './feedback/feedback-feature.js';
import { followFeature } from './follow/follow-feature.js';
import { forgetFeature } from './forget/forget-feature.js';
import { helpFeature } from './help/help-feature.js';
import { inlineFeature } from './inline/inline-feature.js';
import { latestFeature } from './latest/latest-feature.js';
import { moreResultsFeature } from './more-results/more-results-feature.js';
import { searchFeature } from './search/search-feature.js';
import type { BotContext } from './shared/bot-context.js';
import { contextOnClient } from './shared/context-on-client.js';
import { addMenuCommands, menuCommands } from './shared/menu-commands.js';
import { handleBotError } from './shared/middleware/handle-bot-error.js';
import { rateLimitGuard } from './shared/middleware/rate-limit-guard.js';
import { SlidingWindowRateLimiter } from './shared/middleware/rate-limiter.js';
import { readerLanguage } from './shared/middleware/reader-language.js';
import { sourcesFeature } from './sources/sources-feature.js';
import { statsFeature } from './stats/stats-feature.js';
import { unansweredFeature } from './unanswered/unanswered-feature.js';
import { timelineFeature } from './timeline/timeline-feature.js';
import { pinsFeature } from './pins/pins-feature.js';

export interface CreateBotOptions {
  /** Retry policy for Bot API calls (429, 5xx, network errors). */
  apiRetry?: ApiRetryOptions;
}

/** Extra time telegraf allows a handler beyond our own answer timeout before it gives up on the update. */
const TELEGRAF_TIMEOUT_MARGIN_MS = 15_000;

/**
 * The configured bot (not started): one retrying Telegram client, one error handler, the reader's language, one rate
 * limit, then every feature, registered here and only here. Token and Bot API root come from `deps.settings.telegram`.
 */
export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Telegraf<BotContext> {
  const settings = deps.settings.telegram;
  if (!settings.token) throw new MissingBotTokenError();
  // webhookReply off: every call gets a real response (message ids for buttons, errors we can retry).
  const telegramOptions = { webhookReply: false, ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}) };
  const telegram = new RetryingTelegram(settings.token, telegramOptions, { logger: deps.logger, ...options.apiRetry });
  const bot = new Telegraf<BotContext>(settings.token, {
    telegram: telegramOptions,
    handlerTimeout: settings.handlerTimeoutMs + TELEGRAF_TIMEOUT_MARGIN_MS,
    // telegraf builds a plain client per update; every context uses the bot's retrying one instead.
    contextType: contextOnClient(telegram),
  });
  bot.telegram = telegram;
  bot.catch(handleBotError(deps.logger));
  bot.use(readerLanguage());
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
  const help = helpFeature(runtime);
  const ask = askFeature(runtime);
  const latest = latestFeature(runtime);
  const sources = sourcesFeature(runtime);
  const forget = forgetFeature(runtime);
  const search = searchFeature(runtime);
  const stats = statsFeature(deps);
  const unanswered = unansweredFeature(runtime);
  const check = checkFeature(deps);
  const digestCommands = digestCommandsFeature(deps);
  const timeline = timelineFeature(runtime);
  const pins = pinsFeature(deps);
  const follow = followFeature(runtime);
  // Handler order: every command before `ask`, whose text handler takes any other text; `expiredButtons` last.
  const handlerOrder = [
    help,
    latest,
    sources,
    forget,
    search,
    stats,
    unanswered,
    pins,
    check,
    digestCommands,
    timeline,
    follow,
    moreResultsFeature(runtime),
    feedbackFeature(runtime),
    inlineFeature(runtime),
    ask,
    expiredButtonsFeature(),
  ];
  for (const feature of handlerOrder) bot.use(feature.composer);
  // Menu order: what readers see in Telegram's command menu.
  for (const feature of [help, ask, latest, sources, timeline, follow, forget, search, stats, unanswered, pins, check, digestCommands]) addMenuCommands(bot, feature.menu);
  return bot;
}
