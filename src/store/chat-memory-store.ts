/** A question remembered for a button: "more results" (with the articles already shown), or ask about one story. */
export interface RememberedQuestion {
  question: string;
  shownArticleIds: string[];
  /**
   * The reader who asked and the chat it was asked in, when the button is theirs alone (asking about another
   * story); `forgetReader` erases it. Absent: anyone who sees the button may press it.
   */
  askedBy?: { chatId: number; userId: number };
  /** The one article to answer the question from (another story's button); absent: the whole archive. */
  articleId?: string;
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
  /**
   * Erases what is kept of one reader (/forget): the questions behind buttons that are theirs alone
   * (`RememberedQuestion.askedBy`) and their follow-up contexts in every chat. Resolves how many entries went.
   */
  forgetReader(userId: number): Promise<number>;
  /** The highest question key handed out so far, or null (read when moving to another store). */
  lastKey(): Promise<string | null>;
  /**
   * Makes every future key come after `key`. Moving to another store, buttons drawn before the move
   * then find nothing ("expired") instead of another reader's question under a reused key.
   */
  reserveKeysThrough(key: string): Promise<void>;
}
