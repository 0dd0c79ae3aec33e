/** A question remembered for its "more results" button, with the articles already shown. */
export interface RememberedQuestion {
  question: string;
  shownArticleIds: string[];
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
}
