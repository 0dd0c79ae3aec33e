import type { ReaderDataHolder } from './reader-data.js';

/** A question remembered for a button: "more results" (with the articles already shown), or ask about one story. */
export interface RememberedQuestion {
  question: string;
  shownArticleIds: string[];
  /** The one article to answer the question from (another story's button); absent: the whole archive. */
  articleId?: string;
}

/**
 * Who may open a remembered question: the chat it was answered in (any member, in a group) and, when `readerOnly`,
 * only the reader who asked. Chats and readers are keyed hashes (see `ReaderKeys`), never Telegram ids.
 */
export interface QuestionOwner {
  chatHash: string;
  readerHash: string;
  /**
   * Only this reader may open it: a question asked in a private chat, and every button asking about another story
   * (the asker's alone, in a group too).
   */
  readerOnly: boolean;
}

/** Who pressed a button, as keyed hashes. */
export interface ButtonPresser {
  chatHash: string;
  readerHash: string;
}

/** One reader's last answered question in a chat, kept a few minutes so a follow-up can lean on it. */
export interface ConversationContext {
  /** The question as answered (self-contained). */
  question: string;
  /** The articles its answer cited, first cited first. */
  articleIds: string[];
  /** When it was answered, in ms since the epoch. */
  at: number;
  /** The person or thing its answer named (王晓梅 for 青年教师奖的获奖者是谁？), what 她/它 in the next question means; absent when none. */
  subject?: string;
}

/**
 * Port: the state behind buttons and numbered lists. Callback data is limited to 64 bytes, so a question is stored
 * here and the button carries its key: random and unguessable (128 bits), bound to the chat it was answered in (and
 * to the reader, when `readerOnly`), expiring after a retention period. Chats and readers appear only as keyed hashes.
 * Adapters: `SqliteChatMemoryStore`, `PostgresChatMemoryStore`.
 */
export interface ChatMemoryStore extends ReaderDataHolder {
  /** Stores a question for `owner`; resolves a key (`[A-Za-z0-9_-]{22}`) for callback data. */
  rememberQuestion(question: RememberedQuestion, owner: QuestionOwner): Promise<string>;
  /** The question behind a key when `presser` may open it; null when unknown, expired or someone else's (never telling which). */
  question(key: string, presser: ButtonPresser): Promise<RememberedQuestion | null>;
  /** Remembers the articles last listed in a chat, so `/source <n>` can refer to them by number. */
  rememberListedArticles(chatHash: string, articleIds: readonly string[]): Promise<void>;
  /** The article numbered `n` (1-based) in the chat's last list, or null. */
  listedArticle(chatHash: string, n: number): Promise<string | null>;
  /** Remembers a reader's last answered question in a chat (replacing the one before), for follow-ups. */
  rememberContext(chatHash: string, readerHash: string, context: ConversationContext): Promise<void>;
  /** The reader's last answered question in the chat when it is at most `maxAgeMs` old, else null. */
  context(chatHash: string, readerHash: string, maxAgeMs: number): Promise<ConversationContext | null>;
}
