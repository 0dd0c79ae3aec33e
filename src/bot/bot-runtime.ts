import type { MenuCommand } from './api/menu-commands.js';
import type { BotDeps } from './bot-deps.js';
import { SlidingWindowRateLimiter } from './middleware/rate-limiter.js';
import type { ChatMemoryStore } from '../store/chat-memory-store.js';

/** What the bot's own handlers share: the dependencies plus the state created once per bot. */
export interface BotRuntime {
  readonly deps: BotDeps;
  readonly rateLimiter: SlidingWindowRateLimiter;
  readonly memory: ChatMemoryStore;
  readonly maxQuestionChars: number;
  readonly handlerTimeoutMs: number;
  /** The bot's command menu as registered so far (read when /help is shown, after every module registered). */
  menu(): readonly MenuCommand[];
}

/** Builds the shared state from the Telegram settings in the archive's config, over the stores in `deps`. */
export function createBotRuntime(deps: BotDeps, menu: () => readonly MenuCommand[]): BotRuntime {
  const settings = deps.archive.config.telegram;
  return {
    deps,
    rateLimiter: new SlidingWindowRateLimiter(deps.rateLimits, settings.rateLimitPerMinute),
    memory: deps.chatMemory,
    maxQuestionChars: settings.maxQuestionChars,
    handlerTimeoutMs: settings.handlerTimeoutMs,
    menu,
  };
}
