import type { MenuCommand } from './shared/menu-commands.js';
import type { BotDeps } from './bot-deps.js';
import { type BotChatMemory, failSoftChatMemory } from './shared/fail-soft-chat-memory.js';
import type { DraftSupport } from './ask/draft-answer-message.js';
import { createDeepLinkRoutes, type DeepLinkRoutes } from './shared/deep-link-routes.js';

/** What the bot's own handlers share: the dependencies plus the state created once per bot. */
export interface BotRuntime {
  readonly deps: BotDeps;
  /** The chat memory, failing soft: see `failSoftChatMemory`. */
  readonly memory: BotChatMemory;
  readonly maxQuestionChars: number;
  readonly handlerTimeoutMs: number;
  /** Whether answers may stream as drafts (sendMessageDraft); set false once the API says it lacks the method. */
  readonly draftSupport: DraftSupport;
  /** What `/start <payload>` opens; the sources and timeline features add their kinds. */
  readonly deepLinks: DeepLinkRoutes;
  /** The bot's command menu as registered so far (read when /help is shown, after every module registered). */
  menu(): readonly MenuCommand[];
}

/** Builds the shared state from the Telegram settings in `deps`, over the stores in `deps`. */
export function createBotRuntime(deps: BotDeps, menu: () => readonly MenuCommand[]): BotRuntime {
  const settings = deps.settings.telegram;
  return {
    deps,
    memory: failSoftChatMemory(deps.chatMemory, deps.readerKeys, deps.logger),
    maxQuestionChars: settings.maxQuestionChars,
    handlerTimeoutMs: settings.handlerTimeoutMs,
    draftSupport: { available: true },
    deepLinks: createDeepLinkRoutes(),
    menu,
  };
}
