import { BoundedMap } from './bounded-map.js';

/** A question remembered for its "more results" button, with the articles already shown. */
export interface RememberedQuestion {
  question: string;
  shownArticleIds: string[];
}

/**
 * Short-lived, in-memory state behind buttons and numbered lists (lost on restart: buttons then say they expired).
 * Callback data is limited to 64 bytes, so a question is stored here and the button carries its key.
 */
export class ConversationMemory {
  private readonly questions: BoundedMap<string, RememberedQuestion>;
  private readonly listedArticles: BoundedMap<number, string[]>;
  private nextQuestionKey = 1;

  constructor(capacity = 5_000) {
    this.questions = new BoundedMap(capacity);
    this.listedArticles = new BoundedMap(capacity);
  }

  /** Stores a question; returns the short key for callback data. */
  rememberQuestion(question: RememberedQuestion): string {
    const key = (this.nextQuestionKey++).toString(36);
    this.questions.set(key, question);
    return key;
  }

  question(key: string): RememberedQuestion | undefined {
    return this.questions.get(key);
  }

  /** Remembers the articles last listed in a chat, so `/source <n>` can refer to them by number. */
  rememberListedArticles(chatId: number, articleIds: string[]): void {
    this.listedArticles.set(chatId, articleIds);
  }

  /** The article numbered `n` (1-based) in the chat's last list, if any. */
  listedArticle(chatId: number, n: number): string | undefined {
    return this.listedArticles.get(chatId)?.[n - 1];
  }
}
