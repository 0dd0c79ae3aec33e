import type Database from 'better-sqlite3';
import { type ConversationContextRow, type RememberedQuestionRow, toConversationContext, toRememberedQuestion } from '../chat-memory-rows.js';
import { CHAT_MEMORY_DEFAULTS, isQuestionKey, newQuestionKey } from '../chat-memory-keys.js';
import type { ButtonPresser, ChatMemoryStore, ConversationContext, QuestionOwner, RememberedQuestion } from '../chat-memory-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { deleteSecurely } from './sqlite-secure-delete.js';

/** Options for {@link SqliteChatMemoryStore}; defaults in `CHAT_MEMORY_DEFAULTS`. */
export interface SqliteChatMemoryStoreOptions {
  /** How long a question or a list is kept. Default 7 days. */
  retentionMs?: number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

/** {@link ChatMemoryStore} on the newsbot SQLite database (tables `remembered_questions`, `listed_articles`, `conversation_contexts`). */
export class SqliteChatMemoryStore implements ChatMemoryStore {
  readonly readerDataTables = ['remembered_questions', 'listed_articles', 'conversation_contexts'] as const;
  readonly #database: Database.Database;
  readonly #retentionMs: number;
  readonly #now: () => number;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(database: Database.Database, options: SqliteChatMemoryStoreOptions = {}) {
    this.#database = database;
    this.#retentionMs = options.retentionMs ?? CHAT_MEMORY_DEFAULTS.retentionMs;
    this.#now = options.now ?? Date.now;
  }

  async rememberQuestion(question: RememberedQuestion, owner: QuestionOwner): Promise<string> {
    const now = this.#pruneIfDue();
    const key = newQuestionKey();
    this.#database
      .prepare(
        `INSERT INTO remembered_questions (key, chat_hash, reader_hash, reader_only, question, shown_article_ids, article_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(key, owner.chatHash, owner.readerHash, owner.readerOnly ? 1 : 0, question.question, JSON.stringify(question.shownArticleIds), question.articleId ?? null, now);
    return key;
  }

  async question(key: string, presser: ButtonPresser): Promise<RememberedQuestion | null> {
    if (!isQuestionKey(key)) return null;
    // One statement decides: a key from another chat, or another reader's own button, finds nothing, as an unknown one does.
    const row = this.#database
      .prepare(
        `SELECT question, shown_article_ids, article_id FROM remembered_questions
         WHERE key = ? AND chat_hash = ? AND (reader_only = 0 OR reader_hash = ?) AND created_at > ?`,
      )
      .get(key, presser.chatHash, presser.readerHash, this.#now() - this.#retentionMs) as
      | (Omit<RememberedQuestionRow, 'shown_article_ids'> & { shown_article_ids: string })
      | undefined;
    return row ? toRememberedQuestion({ ...row, shown_article_ids: JSON.parse(row.shown_article_ids) as string[] }) : null;
  }

  async rememberListedArticles(chatHash: string, articleIds: readonly string[]): Promise<void> {
    const now = this.#pruneIfDue();
    this.#database
      .prepare(
        `INSERT INTO listed_articles (chat_hash, article_ids, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (chat_hash) DO UPDATE SET article_ids = excluded.article_ids, updated_at = excluded.updated_at`,
      )
      .run(chatHash, JSON.stringify(articleIds), now);
  }

  async listedArticle(chatHash: string, n: number): Promise<string | null> {
    if (!Number.isInteger(n) || n < 1) return null;
    const row = this.#database.prepare('SELECT article_ids FROM listed_articles WHERE chat_hash = ? AND updated_at > ?').get(chatHash, this.#now() - this.#retentionMs) as
      | { article_ids: string }
      | undefined;
    return row ? ((JSON.parse(row.article_ids) as string[])[n - 1] ?? null) : null;
  }

  async rememberContext(chatHash: string, readerHash: string, context: ConversationContext): Promise<void> {
    this.#pruneIfDue();
    this.#database
      .prepare(
        `INSERT INTO conversation_contexts (chat_hash, reader_hash, question, article_ids, at, subject) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (chat_hash, reader_hash) DO UPDATE
         SET question = excluded.question, article_ids = excluded.article_ids, at = excluded.at, subject = excluded.subject`,
      )
      .run(chatHash, readerHash, context.question, JSON.stringify(context.articleIds), context.at, context.subject ?? null);
  }

  async context(chatHash: string, readerHash: string, maxAgeMs: number): Promise<ConversationContext | null> {
    const row = this.#database
      .prepare('SELECT question, article_ids, at, subject FROM conversation_contexts WHERE chat_hash = ? AND reader_hash = ? AND at >= ?')
      .get(chatHash, readerHash, this.#now() - maxAgeMs) as (Omit<ConversationContextRow, 'article_ids'> & { article_ids: string }) | undefined;
    return row ? toConversationContext({ ...row, article_ids: JSON.parse(row.article_ids) as string[] }) : null;
  }

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    // The reader's questions and contexts in every chat; the lists of their private chat (a group's list is the group's).
    return deleteSecurely(this.#database, [
      ['DELETE FROM remembered_questions WHERE reader_hash = ? OR chat_hash = ?', reader.readerHash, reader.privateChatHash],
      ['DELETE FROM conversation_contexts WHERE reader_hash = ? OR chat_hash = ?', reader.readerHash, reader.privateChatHash],
      ['DELETE FROM listed_articles WHERE chat_hash = ?', reader.privateChatHash],
    ]);
  }

  /** Deletes expired rows once in a while (reads ignore them anyway); returns the time now. */
  #pruneIfDue(): number {
    const now = this.#now();
    if (now - this.#prunedAt < CHAT_MEMORY_DEFAULTS.pruneIntervalMs) return now;
    this.#prunedAt = now;
    const cutoff = now - this.#retentionMs;
    this.#database.prepare('DELETE FROM remembered_questions WHERE created_at <= ?').run(cutoff);
    this.#database.prepare('DELETE FROM listed_articles WHERE updated_at <= ?').run(cutoff);
    this.#database.prepare('DELETE FROM conversation_contexts WHERE at <= ?').run(cutoff);
    return now;
  }
}
