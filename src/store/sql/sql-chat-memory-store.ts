import { type ConversationContextRow, type RememberedQuestionRow, toConversationContext, toRememberedQuestion } from '../chat-memory-rows.js';
import { CHAT_MEMORY_DEFAULTS, isQuestionKey, newQuestionKey } from '../chat-memory-keys.js';
import type { ButtonPresser, ChatMemoryStore, ConversationContext, QuestionOwner, RememberedQuestion } from '../chat-memory-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { decodeList } from './decode-column.js';
import type { SqlClient } from './sql-client.js';

/** Options for a chat-memory store; defaults in `CHAT_MEMORY_DEFAULTS`. */
export interface ChatMemoryStoreOptions {
  /** How long a question or a list is kept. Default 7 days. */
  retentionMs?: number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

/** A row whose list column is still as the backend holds it (JSON text in SQLite). */
type Stored<Row, Column extends keyof Row> = Omit<Row, Column> & { [Name in Column]: string | string[] };

/**
 * {@link ChatMemoryStore} written once for both backends (tables `remembered_questions`, `listed_articles`,
 * `conversation_contexts`); `SqliteChatMemoryStore` and `PostgresChatMemoryStore` give it their client.
 */
export class SqlChatMemoryStore implements ChatMemoryStore {
  readonly readerDataTables = ['remembered_questions', 'listed_articles', 'conversation_contexts'] as const;
  readonly #client: SqlClient;
  readonly #retentionMs: number;
  readonly #now: () => number;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(client: SqlClient, options: ChatMemoryStoreOptions = {}) {
    this.#client = client;
    this.#retentionMs = options.retentionMs ?? CHAT_MEMORY_DEFAULTS.retentionMs;
    this.#now = options.now ?? Date.now;
  }

  async rememberQuestion(question: RememberedQuestion, owner: QuestionOwner): Promise<string> {
    const now = await this.#pruneIfDue();
    const key = newQuestionKey();
    await this.#client.run(
      `INSERT INTO remembered_questions (key, chat_hash, reader_hash, reader_only, question, shown_article_ids, article_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [key, owner.chatHash, owner.readerHash, owner.readerOnly, question.question, question.shownArticleIds, question.articleId ?? null, now],
    );
    return key;
  }

  async question(key: string, presser: ButtonPresser): Promise<RememberedQuestion | null> {
    if (!isQuestionKey(key)) return null;
    // One statement decides: a key from another chat, or another reader's own button, finds nothing, as an unknown one does.
    const [row] = await this.#client.rows<Stored<RememberedQuestionRow, 'shown_article_ids'>>(
      `SELECT question, shown_article_ids, article_id FROM remembered_questions
       WHERE key = ? AND chat_hash = ? AND (reader_only = ? OR reader_hash = ?) AND created_at > ?`,
      [key, presser.chatHash, false, presser.readerHash, this.#now() - this.#retentionMs],
    );
    return row ? toRememberedQuestion({ ...row, shown_article_ids: decodeList(row.shown_article_ids) }) : null;
  }

  async rememberListedArticles(chatHash: string, articleIds: readonly string[]): Promise<void> {
    const now = await this.#pruneIfDue();
    await this.#client.run(
      `INSERT INTO listed_articles (chat_hash, article_ids, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (chat_hash) DO UPDATE SET article_ids = excluded.article_ids, updated_at = excluded.updated_at`,
      [chatHash, articleIds, now],
    );
  }

  async listedArticle(chatHash: string, n: number): Promise<string | null> {
    if (!Number.isInteger(n) || n < 1) return null;
    const [row] = await this.#client.rows<{ article_ids: string | string[] }>('SELECT article_ids FROM listed_articles WHERE chat_hash = ? AND updated_at > ?', [
      chatHash,
      this.#now() - this.#retentionMs,
    ]);
    return row ? (decodeList(row.article_ids)[n - 1] ?? null) : null;
  }

  async rememberContext(chatHash: string, readerHash: string, context: ConversationContext): Promise<void> {
    await this.#pruneIfDue();
    await this.#client.run(
      `INSERT INTO conversation_contexts (chat_hash, reader_hash, question, article_ids, at, subject) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (chat_hash, reader_hash) DO UPDATE
       SET question = excluded.question, article_ids = excluded.article_ids, at = excluded.at, subject = excluded.subject`,
      [chatHash, readerHash, context.question, context.articleIds, context.at, context.subject ?? null],
    );
  }

  async context(chatHash: string, readerHash: string, maxAgeMs: number): Promise<ConversationContext | null> {
    const [row] = await this.#client.rows<Stored<ConversationContextRow, 'article_ids'>>(
      'SELECT question, article_ids, at, subject FROM conversation_contexts WHERE chat_hash = ? AND reader_hash = ? AND at >= ?',
      [chatHash, readerHash, this.#now() - maxAgeMs],
    );
    return row ? toConversationContext({ ...row, article_ids: decodeList(row.article_ids) }) : null;
  }

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    // The reader's questions and contexts in every chat; the lists of their private chat (a group's list is the group's).
    return this.#client.deleteReaderRows([
      ['DELETE FROM remembered_questions WHERE reader_hash = ? OR chat_hash = ?', reader.readerHash, reader.privateChatHash],
      ['DELETE FROM conversation_contexts WHERE reader_hash = ? OR chat_hash = ?', reader.readerHash, reader.privateChatHash],
      ['DELETE FROM listed_articles WHERE chat_hash = ?', reader.privateChatHash],
    ]);
  }

  /** Deletes expired rows once in a while (reads ignore them anyway); returns the time now. */
  async #pruneIfDue(): Promise<number> {
    const now = this.#now();
    if (now - this.#prunedAt < CHAT_MEMORY_DEFAULTS.pruneIntervalMs) return now;
    this.#prunedAt = now;
    const cutoff = now - this.#retentionMs;
    await this.#client.run('DELETE FROM remembered_questions WHERE created_at <= ?', [cutoff]);
    await this.#client.run('DELETE FROM listed_articles WHERE updated_at <= ?', [cutoff]);
    await this.#client.run('DELETE FROM conversation_contexts WHERE at <= ?', [cutoff]);
    return now;
  }
}
