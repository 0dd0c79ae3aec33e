import type { Logger } from '../../log/logger.js';
import type { ChatMemoryStore, ConversationContext, RememberedQuestion } from '../../store/chat-memory-store.js';
import type { ReaderKeys } from '../../question-log/reader-keys.js';

/** Where a question was answered, in Telegram ids (hashed before anything is stored). */
export interface AskedIn {
  chatId: number;
  userId: number;
  /** Only this reader may open what is remembered (a private chat's question, a button about another story). */
  readerOnly: boolean;
}

/** The chat memory as the bot's handlers use it: Telegram ids in, keyed hashes stored; a key may be missing when the store is away. */
export interface BotChatMemory {
  /** The key for a button ("more results", another story), or null when the store could not be written (no button then). */
  rememberQuestion(question: RememberedQuestion, askedIn: AskedIn): Promise<string | null>;
  /** The question behind a key when this reader, in this chat, may open it; else null, whatever the reason. */
  question(key: string, pressedIn: { chatId: number; userId: number }): Promise<RememberedQuestion | null>;
  rememberListedArticles(chatId: number, articleIds: readonly string[]): Promise<void>;
  listedArticle(chatId: number, n: number): Promise<string | null>;
  rememberContext(chatId: number, userId: number, context: ConversationContext): Promise<void>;
  context(chatId: number, userId: number, maxAgeMs: number): Promise<ConversationContext | null>;
}

/**
 * Wraps the chat memory so that chats and readers are stored only as keyed hashes, and its store being away
 * (PostgreSQL restarting under a worker) costs the extras, not the answer: writes are skipped, reads find nothing
 * (a button then says it expired, a follow-up is read as a new question). Each failure is logged as a warning.
 */
export function failSoftChatMemory(store: ChatMemoryStore, keys: ReaderKeys, logger: Logger): BotChatMemory {
  const soft = async <T>(what: string, fallback: T, operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      logger.warn({ err: error, operation: what }, 'chat memory unavailable; answering without it');
      return fallback;
    }
  };
  return {
    rememberQuestion: (question, askedIn) =>
      soft<string | null>('rememberQuestion', null, () =>
        store.rememberQuestion(question, { chatHash: keys.chat(askedIn.chatId), readerHash: keys.reader(askedIn.userId), readerOnly: askedIn.readerOnly }),
      ),
    question: (key, pressedIn) => soft('question', null, () => store.question(key, { chatHash: keys.chat(pressedIn.chatId), readerHash: keys.reader(pressedIn.userId) })),
    rememberListedArticles: (chatId, articleIds) => soft('rememberListedArticles', undefined, () => store.rememberListedArticles(keys.chat(chatId), articleIds)),
    listedArticle: (chatId, n) => soft('listedArticle', null, () => store.listedArticle(keys.chat(chatId), n)),
    rememberContext: (chatId, userId, context) => soft('rememberContext', undefined, () => store.rememberContext(keys.chat(chatId), keys.reader(userId), context)),
    context: (chatId, userId, maxAgeMs) => soft('context', null, () => store.context(keys.chat(chatId), keys.reader(userId), maxAgeMs)),
  };
}
