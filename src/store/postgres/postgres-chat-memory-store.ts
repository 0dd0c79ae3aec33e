import type pg from 'pg';
import { type ConversationContextRow, type RememberedQuestionRow, toConversationContext, toRememberedQuestion } from '../chat-memory-rows.js';
import { CHAT_MEMORY_DEFAULTS, isQuestionKey, newQuestionKey } from '../chat-memory-keys.js';
import type { ButtonPresser, ChatMemoryStore, ConversationContext, QuestionOwner, RememberedQuestion } from '../chat-memory-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { withTransaction } from './with-transaction.js';

/** Options for {@link PostgresChatMemoryStore}; defaults in `CHAT_MEMORY_DEFAULTS`. */
export interface PostgresChatMemoryStoreOptions {
  /** How long a question or a list is kept. Default 7 days. */
  retentionMs?: number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

/**
 * {@link ChatMemoryStore} on PostgreSQL, shared by every worker, so a button drawn by one worker works on any other
 * (for the chat and reader it is bound to).
 */
export class PostgresChatMemoryStore implements ChatMemoryStore {
  readonly readerDataTables = ['remembered_questions', 'listed_articles', 'conversation_contexts'] as const;
  readonly #pool: pg.Pool;
  readonly #retentionMs: number;
  readonly #now: () => number;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(pool: pg.Pool, options: PostgresChatMemoryStoreOptions = {}) {
    this.#pool = pool;
    this.#retentionMs = options.retentionMs ?? CHAT_MEMORY_DEFAULTS.retentionMs;
    this.#now = options.now ?? Date.now;
  }

  async rememberQuestion(question: RememberedQuestion, owner: QuestionOwner): Promise<string> {
    const now = await this.#pruneIfDue();
    const key = newQuestionKey();
    await this.#pool.query(
      `INSERT INTO remembered_questions (key, chat_hash, reader_hash, reader_only, question, shown_article_ids, article_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [key, owner.chatHash, owner.readerHash, owner.readerOnly, question.question, question.shownArticleIds, question.articleId ?? null, now],
    );
    return key;
  }

  async question(key: string, presser: ButtonPresser): Promise<RememberedQuestion | null> {
    if (!isQuestionKey(key)) return null;
    // One statement decides: a key from another chat, or another reader's own button, finds nothing, as an unknown one does.
    const { rows } = await this.#pool.query<RememberedQuestionRow>(
      `SELECT question, shown_article_ids, article_id FROM remembered_questions
       WHERE key = $1 AND chat_hash = $2 AND (NOT reader_only OR reader_hash = $3) AND created_at > $4`,
      [key, presser.chatHash, presser.readerHash, this.#now() - this.#retentionMs],
    );
    const row = rows[0];
    return row ? toRememberedQuestion(row) : null;
  }

  async rememberListedArticles(chatHash: string, articleIds: readonly string[]): Promise<void> {
    const now = await this.#pruneIfDue();
    await this.#pool.query(
      `INSERT INTO listed_articles (chat_hash, article_ids, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (chat_hash) DO UPDATE SET article_ids = excluded.article_ids, updated_at = excluded.updated_at`,
      [chatHash, articleIds, now],
    );
  }

  async listedArticle(chatHash: string, n: number): Promise<string | null> {
    if (!Number.isInteger(n) || n < 1) return null;
    const { rows } = await this.#pool.query<{ article_ids: string[] }>('SELECT article_ids FROM listed_articles WHERE chat_hash = $1 AND updated_at > $2', [
      chatHash,
      this.#now() - this.#retentionMs,
    ]);
    return rows[0]?.article_ids[n - 1] ?? null;
  }

  async rememberContext(chatHash: string, readerHash: string, context: ConversationContext): Promise<void> {
    await this.#pruneIfDue();
    await this.#pool.query(
      `INSERT INTO conversation_contexts (chat_hash, reader_hash, question, article_ids, at, subject) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (chat_hash, reader_hash) DO UPDATE
       SET question = excluded.question, article_ids = excluded.article_ids, at = excluded.at, subject = excluded.subject`,
      [chatHash, readerHash, context.question, context.articleIds, context.at, context.subject ?? null],
    );
  }

  async context(chatHash: string, readerHash: string, maxAgeMs: number): Promise<ConversationContext | null> {
    const { rows } = await this.#pool.query<ConversationContextRow>(
      'SELECT question, article_ids, at, subject FROM conversation_contexts WHERE chat_hash = $1 AND reader_hash = $2 AND at >= $3',
      [chatHash, readerHash, this.#now() - maxAgeMs],
    );
    const row = rows[0];
    return row ? toConversationContext(row) : null;
  }

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    // The reader's questions and contexts in every chat; the lists of their private chat (a group's list is the group's).
    return withTransaction(this.#pool, async (client) => {
      const questions = await client.query('DELETE FROM remembered_questions WHERE reader_hash = $1 OR chat_hash = $2', [reader.readerHash, reader.privateChatHash]);
      const contexts = await client.query('DELETE FROM conversation_contexts WHERE reader_hash = $1 OR chat_hash = $2', [reader.readerHash, reader.privateChatHash]);
      const lists = await client.query('DELETE FROM listed_articles WHERE chat_hash = $1', [reader.privateChatHash]);
      return (questions.rowCount ?? 0) + (contexts.rowCount ?? 0) + (lists.rowCount ?? 0);
    });
  }

  /** Deletes expired rows once in a while (reads ignore them anyway); returns the time now. */
  async #pruneIfDue(): Promise<number> {
    const now = this.#now();
    if (now - this.#prunedAt < CHAT_MEMORY_DEFAULTS.pruneIntervalMs) return now;
    this.#prunedAt = now;
    const cutoff = now - this.#retentionMs;
    await this.#pool.query('DELETE FROM remembered_questions WHERE created_at <= $1', [cutoff]);
    await this.#pool.query('DELETE FROM listed_articles WHERE updated_at <= $1', [cutoff]);
    await this.#pool.query('DELETE FROM conversation_contexts WHERE at <= $1', [cutoff]);
    return now;
  }
}
