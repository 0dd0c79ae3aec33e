import type { Logger } from '../log/logger.js';
import type { ChatMemoryStore, ConversationContext, RememberedQuestion } from '../store/chat-memory-store.js';

/** The chat memory as the bot's handlers use it: a key may be missing when the store is away. */
export interface BotChatMemory {
  /** The key for a "more results" button, or null when the store could not be written (no button then). */
  rememberQuestion(question: RememberedQuestion): Promise<string | null>;
  question(key: string): Promise<RememberedQuestion | null>;
  rememberListedArticles(chatId: number, articleIds: readonly string[]): Promise<void>;
  listedArticle(chatId: number, n: number): Promise<string | null>;
  rememberContext(chatId: number, userId: number, context: ConversationContext): Promise<void>;
  context(chatId: number, userId: number, maxAgeMs: number): Promise<ConversationContext | null>;
}

/**
 * Wraps the chat memory so that its store being away (PostgreSQL restarting under a worker) costs
 * the extras, not the answer: writes are skipped, reads find nothing (a button then says it expired,
 * a follow-up is read as a new question). Each failure is logged as a warning.
 */
export function failSoftChatMemory(store: ChatMemoryStore, logger: Logger): BotChatMemory {
  const soft = async <T>(what: string, fallback: T, operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      logger.warn({ err: error, operation: what }, 'chat memory unavailable; answering without it');
      return fallback;
    }
  };
  return {
    rememberQuestion: (question) => soft<string | null>('rememberQuestion', null, () => store.rememberQuestion(question)),
    question: (key) => soft('question', null, () => store.question(key)),
    rememberListedArticles: (chatId, articleIds) => soft('rememberListedArticles', undefined, () => store.rememberListedArticles(chatId, articleIds)),
    listedArticle: (chatId, n) => soft('listedArticle', null, () => store.listedArticle(chatId, n)),
    rememberContext: (chatId, userId, context) => soft('rememberContext', undefined, () => store.rememberContext(chatId, userId, context)),
    context: (chatId, userId, maxAgeMs) => soft('context', null, () => store.context(chatId, userId, maxAgeMs)),
  };
}
