import type pg from 'pg';
import type { ChatMemoryStore, ConversationContext, RememberedQuestion } from '../chat-memory-store.js';
import { type RememberedQuestionRow, toConversationContext, toRememberedQuestion } from '../chat-memory-rows.js';

/** Options for {@link PostgresChatMemoryStore}; defaults in `DEFAULTS`. */
export interface PostgresChatMemoryStoreOptions {
  /** How long a question or a list is kept. Default 7 days. */
  retentionMs?: number;
  /** The clock. Default `Date.now`. */
  now?: () => number;
}

const DEFAULTS = {
  retentionMs: 7 * 24 * 60 * 60 * 1000,
  /** Expired rows are deleted by a write at most this often (per worker). */
  pruneIntervalMs: 60 * 60 * 1000,
} as const;

/** Keys are base-36 sequence values; ten digits stay within a safe integer, and the sequence will never get there. */
const KEY_PATTERN = /^[0-9a-z]{1,10}$/;

/**
 * {@link ChatMemoryStore} on PostgreSQL, shared by every worker, so a button drawn by one worker
 * works on any other. Question keys are values of the `remembered_questions` id sequence in base 36:
 * a sequence never hands a value out twice, whichever worker asks, even after a rollback or a restart.
 */
export class PostgresChatMemoryStore implements ChatMemoryStore {
  readonly #pool: pg.Pool;
  readonly #retentionMs: number;
  readonly #now: () => number;
  #prunedAt = Number.NEGATIVE_INFINITY;

  constructor(pool: pg.Pool, options: PostgresChatMemoryStoreOptions = {}) {
    this.#pool = pool;
    this.#retentionMs = options.retentionMs ?? DEFAULTS.retentionMs;
    this.#now = options.now ?? Date.now;
  }

  async rememberQuestion(question: RememberedQuestion): Promise<string> {
    const now = await this.#pruneIfDue();
    const { rows } = await this.#pool.query<{ id: string }>(
      'INSERT INTO remembered_questions (question, shown_article_ids, created_at, chat_id, user_id, article_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [question.question, question.shownArticleIds, now, question.askedBy?.chatId ?? null, question.askedBy?.userId ?? null, question.articleId ?? null],
    );
    return BigInt(rows[0]!.id).toString(36);
  }

  async question(key: string): Promise<RememberedQuestion | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const { rows } = await this.#pool.query<RememberedQuestionRow>(
      'SELECT question, shown_article_ids, chat_id, user_id, article_id FROM remembered_questions WHERE id = $1 AND created_at > $2',
      [parseInt(key, 36), this.#now() - this.#retentionMs],
    );
    const row = rows[0];
    return row ? toRememberedQuestion(row) : null;
  }

  async lastKey(): Promise<string | null> {
    const { rows } = await this.#pool.query<{ last_value: string; is_called: boolean }>('SELECT last_value, is_called FROM remembered_questions_id_seq');
    const row = rows[0];
    return row?.is_called ? BigInt(row.last_value).toString(36) : null;
  }

  async reserveKeysThrough(key: string): Promise<void> {
    if (!KEY_PATTERN.test(key)) throw new RangeError(`not a chat memory key: ${key}`);
    // Never moves the sequence back: keys already handed out here stay unique too.
    await this.#pool.query(
      `SELECT setval('remembered_questions_id_seq', GREATEST($1::bigint, (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM remembered_questions_id_seq)))`,
      [parseInt(key, 36)],
    );
  }

  async rememberListedArticles(chatId: number, articleIds: readonly string[]): Promise<void> {
    const now = await this.#pruneIfDue();
    await this.#pool.query(
      `INSERT INTO listed_articles (chat_id, article_ids, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (chat_id) DO UPDATE SET article_ids = excluded.article_ids, updated_at = excluded.updated_at`,
      [chatId, articleIds, now],
    );
  }

  async listedArticle(chatId: number, n: number): Promise<string | null> {
    if (!Number.isInteger(n) || n < 1) return null;
    const { rows } = await this.#pool.query<{ article_ids: string[] }>('SELECT article_ids FROM listed_articles WHERE chat_id = $1 AND updated_at > $2', [
      chatId,
      this.#now() - this.#retentionMs,
    ]);
    return rows[0]?.article_ids[n - 1] ?? null;
  }

  async rememberContext(chatId: number, userId: number, context: ConversationContext): Promise<void> {
    await this.#pruneIfDue();
    await this.#pool.query(
      `INSERT INTO conversation_contexts (chat_id, user_id, question, article_ids, at, subject) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (chat_id, user_id) DO UPDATE
       SET question = excluded.question, article_ids = excluded.article_ids, at = excluded.at, subject = excluded.subject`,
      [chatId, userId, context.question, context.articleIds, context.at, context.subject ?? null],
    );
  }

  async context(chatId: number, userId: number, maxAgeMs: number): Promise<ConversationContext | null> {
    const { rows } = await this.#pool.query<{ question: string; article_ids: string[]; at: string; subject: string | null }>(
      'SELECT question, article_ids, at, subject FROM conversation_contexts WHERE chat_id = $1 AND user_id = $2 AND at >= $3',
      [chatId, userId, this.#now() - maxAgeMs],
    );
    const row = rows[0];
    return row ? toConversationContext(row) : null;
  }

  async forgetReader(userId: number): Promise<number> {
    const { rows } = await this.#pool.query<{ count: string }>(
      `WITH buttons AS (DELETE FROM remembered_questions WHERE user_id = $1 RETURNING 1),
            contexts AS (DELETE FROM conversation_contexts WHERE user_id = $1 RETURNING 1)
       SELECT (SELECT count(*) FROM buttons) + (SELECT count(*) FROM contexts) AS count`,
      [userId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** Deletes expired rows once in a while (reads ignore them anyway); returns the time now. */
  async #pruneIfDue(): Promise<number> {
    const now = this.#now();
    if (now - this.#prunedAt < DEFAULTS.pruneIntervalMs) return now;
    this.#prunedAt = now;
    const cutoff = now - this.#retentionMs;
    await this.#pool.query('DELETE FROM remembered_questions WHERE created_at <= $1', [cutoff]);
    await this.#pool.query('DELETE FROM listed_articles WHERE updated_at <= $1', [cutoff]);
    await this.#pool.query('DELETE FROM conversation_contexts WHERE at <= $1', [cutoff]);
    return now;
  }
}
