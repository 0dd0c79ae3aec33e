import type Database from 'better-sqlite3';
import type { ChatMemoryStore, ConversationContext, RememberedQuestion } from './chat-memory-store.js';
import { type RememberedQuestionRow, toConversationContext, toRememberedQuestion } from './chat-memory-rows.js';

/** Options for {@link SqliteChatMemoryStore}; defaults in `DEFAULTS`. */
export interface SqliteChatMemoryStoreOptions {
  /** How long a question or a list is kept. Default 7 days. */
  retentionMs?: number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

const DEFAULTS = {
  retentionMs: 7 * 24 * 60 * 60 * 1000,
  /** Expired rows are deleted by a write at most this often. */
  pruneIntervalMs: 60 * 60 * 1000,
} as const;

/** Keys are base-36 row ids; anything longer could not be a row id of ours. */
const KEY_PATTERN = /^[0-9a-z]{1,11}$/;

/**
 * {@link ChatMemoryStore} on the newsbot SQLite database. Question keys are `AUTOINCREMENT` row ids
 * in base 36: SQLite never hands one out twice, even after the rows are deleted or the process restarts.
 */
export class SqliteChatMemoryStore implements ChatMemoryStore {
  readonly #database: Database.Database;
  readonly #retentionMs: number;
  readonly #now: () => number;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(database: Database.Database, options: SqliteChatMemoryStoreOptions = {}) {
    this.#database = database;
    this.#retentionMs = options.retentionMs ?? DEFAULTS.retentionMs;
    this.#now = options.now ?? Date.now;
  }

  async rememberQuestion(question: RememberedQuestion): Promise<string> {
    const now = this.#pruneIfDue();
    const result = this.#database
      .prepare('INSERT INTO remembered_questions (question, shown_article_ids, created_at, chat_id, user_id, article_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(question.question, JSON.stringify(question.shownArticleIds), now, question.askedBy?.chatId ?? null, question.askedBy?.userId ?? null, question.articleId ?? null);
    return Number(result.lastInsertRowid).toString(36);
  }

  async question(key: string): Promise<RememberedQuestion | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const row = this.#database
      .prepare('SELECT question, shown_article_ids, chat_id, user_id, article_id FROM remembered_questions WHERE id = ? AND created_at > ?')
      .get(parseInt(key, 36), this.#now() - this.#retentionMs) as (Omit<RememberedQuestionRow, 'shown_article_ids'> & { shown_article_ids: string }) | undefined;
    return row ? toRememberedQuestion({ ...row, shown_article_ids: JSON.parse(row.shown_article_ids) as string[] }) : null;
  }

  async lastKey(): Promise<string | null> {
    const row = this.#database.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'remembered_questions'").get() as { seq: number } | undefined;
    return row && row.seq > 0 ? row.seq.toString(36) : null;
  }

  async reserveKeysThrough(key: string): Promise<void> {
    if (!KEY_PATTERN.test(key)) throw new RangeError(`not a chat memory key: ${key}`);
    const through = parseInt(key, 36);
    this.#database.transaction(() => {
      const raised = this.#database.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'remembered_questions'").run(through);
      if (raised.changes === 0) this.#database.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('remembered_questions', ?)").run(through);
    })();
  }

  async rememberListedArticles(chatId: number, articleIds: readonly string[]): Promise<void> {
    const now = this.#pruneIfDue();
    this.#database
      .prepare(
        `INSERT INTO listed_articles (chat_id, article_ids, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (chat_id) DO UPDATE SET article_ids = excluded.article_ids, updated_at = excluded.updated_at`,
      )
      .run(chatId, JSON.stringify(articleIds), now);
  }

  async listedArticle(chatId: number, n: number): Promise<string | null> {
    const row = this.#database.prepare('SELECT article_ids FROM listed_articles WHERE chat_id = ? AND updated_at > ?').get(chatId, this.#now() - this.#retentionMs) as
      | { article_ids: string }
      | undefined;
    if (!row || !Number.isInteger(n) || n < 1) return null;
    return (JSON.parse(row.article_ids) as string[])[n - 1] ?? null;
  }

  async rememberContext(chatId: number, userId: number, context: ConversationContext): Promise<void> {
    this.#pruneIfDue();
    this.#database
      .prepare(
        `INSERT INTO conversation_contexts (chat_id, user_id, question, article_ids, at, subject) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (chat_id, user_id) DO UPDATE
         SET question = excluded.question, article_ids = excluded.article_ids, at = excluded.at, subject = excluded.subject`,
      )
      .run(chatId, userId, context.question, JSON.stringify(context.articleIds), context.at, context.subject ?? null);
  }

  async context(chatId: number, userId: number, maxAgeMs: number): Promise<ConversationContext | null> {
    const row = this.#database
      .prepare('SELECT question, article_ids, at, subject FROM conversation_contexts WHERE chat_id = ? AND user_id = ? AND at >= ?')
      .get(chatId, userId, this.#now() - maxAgeMs) as { question: string; article_ids: string; at: number; subject: string | null } | undefined;
    return row ? toConversationContext({ ...row, article_ids: JSON.parse(row.article_ids) as string[] }) : null;
  }

  async forgetReader(userId: number): Promise<number> {
    return this.#database.transaction(() => {
      const buttons = this.#database.prepare('DELETE FROM remembered_questions WHERE user_id = ?').run(userId).changes;
      const contexts = this.#database.prepare('DELETE FROM conversation_contexts WHERE user_id = ?').run(userId).changes;
      return buttons + contexts;
    })();
  }

  /** Deletes expired rows once in a while (reads ignore them anyway); returns the time now. */
  #pruneIfDue(): number {
    const now = this.#now();
    if (now - this.#prunedAt < DEFAULTS.pruneIntervalMs) return now;
    this.#prunedAt = now;
    const cutoff = now - this.#retentionMs;
    this.#database.prepare('DELETE FROM remembered_questions WHERE created_at <= ?').run(cutoff);
    this.#database.prepare('DELETE FROM listed_articles WHERE updated_at <= ?').run(cutoff);
    this.#database.prepare('DELETE FROM conversation_contexts WHERE at <= ?').run(cutoff);
    return now;
  }
}
