/** A question remembered for its "more results" button, with the articles already shown. */
export interface RememberedQuestion {
  question: string;
  shownArticleIds: string[];
}

/** One reader's last answered question in a chat, kept a few minutes so a follow-up can lean on it. */
export interface ConversationContext {
  /** The question as answered (self-contained). */
  question: string;
  /** The articles its answer cited, first cited first. */
  articleIds: string[];
  /** When it was answered, in ms since the epoch. */
  at: number;
}

/**
 * Port: the state behind buttons and numbered lists. Callback data is limited to 64 bytes, so a
 * question is stored here and the button carries its key. Keys never repeat (not across restarts,
 * nor across workers), so an old button can never run someone else's question; entries expire
 * after a retention period. The SQLite adapter is `SqliteChatMemoryStore`.
 */
export interface ChatMemoryStore {
  /** Stores a question; resolves a short key (`[0-9a-z]+`) for callback data. */
  rememberQuestion(question: RememberedQuestion): Promise<string>;
  /** The question behind a key, or null when unknown or expired. */
  question(key: string): Promise<RememberedQuestion | null>;
  /** Remembers the articles last listed in a chat, so `/source <n>` can refer to them by number. */
  rememberListedArticles(chatId: number, articleIds: readonly string[]): Promise<void>;
  /** The article numbered `n` (1-based) in the chat's last list, or null. */
  listedArticle(chatId: number, n: number): Promise<string | null>;
  /** Remembers a reader's last answered question in a chat (replacing the one before), for follow-ups. */
  rememberContext(chatId: number, userId: number, context: ConversationContext): Promise<void>;
  /** The reader's last answered question in the chat when it is at most `maxAgeMs` old, else null. */
  context(chatId: number, userId: number, maxAgeMs: number): Promise<ConversationContext | null>;
  /** The highest question key handed out so far, or null (read when moving to another store). */
  lastKey(): Promise<string | null>;
  /**
   * Makes every future key come after `key`. Moving to another store, buttons drawn before the move
   * then find nothing ("expired") instead of another reader's question under a reused key.
   */
  reserveKeysThrough(key: string): Promise<void>;
}
