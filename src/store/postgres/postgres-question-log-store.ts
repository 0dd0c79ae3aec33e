import type pg from 'pg';
import type { LoggedQuestion, QuestionLogEntry, QuestionLogQuery, QuestionLogStore } from '../question-log-store.js';

interface QuestionRow {
  id: string;
  asked_at: Date;
  reader_hash: string;
  chat_type: string;
  question: string;
  answered: boolean;
  mode: string | null;
  cited_article_ids: string[];
  cited_chunk_ids: string[];
  latency_ms: number;
}

/**
 * {@link QuestionLogStore} on PostgreSQL (tables `question_log`, `question_log_secret`), shared by every
 * worker: `/forget`, retention and the reports see the questions asked through any of them, and all
 * hash readers with the same generated secret.
 */
export class PostgresQuestionLogStore implements QuestionLogStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async record(entry: QuestionLogEntry): Promise<number> {
    const { rows } = await this.#pool.query<{ id: string }>(
      `INSERT INTO question_log (asked_at, reader_hash, chat_type, question, answered, mode, cited_article_ids, cited_chunk_ids, latency_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        entry.askedAt,
        entry.readerHash,
        entry.chatType,
        entry.question,
        entry.answered,
        entry.mode,
        [...entry.citedArticleIds],
        [...entry.citedChunkIds],
        Math.round(entry.latencyMs),
      ],
    );
    return Number(rows[0]!.id);
  }

  async get(id: number): Promise<LoggedQuestion | null> {
    // An id from a button's callback data may be anything digits spell; outside bigint it names no entry.
    if (!isStoredId(id)) return null;
    const { rows } = await this.#pool.query<QuestionRow>('SELECT * FROM question_log WHERE id = $1', [id]);
    return rows[0] ? toLoggedQuestion(rows[0]) : null;
  }

  async list(query: QuestionLogQuery): Promise<LoggedQuestion[]> {
    const { rows } = await this.#pool.query<QuestionRow>('SELECT * FROM question_log WHERE asked_at >= $1 AND ($2::boolean IS NULL OR answered = $2) ORDER BY asked_at, id', [
      query.since,
      query.answered ?? null,
    ]);
    return rows.map(toLoggedQuestion);
  }

  async forgetReader(readerHash: string): Promise<number> {
    const { rowCount } = await this.#pool.query('DELETE FROM question_log WHERE reader_hash = $1', [readerHash]);
    return rowCount ?? 0;
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const { rowCount } = await this.#pool.query('DELETE FROM question_log WHERE asked_at < $1', [cutoff]);
    return rowCount ?? 0;
  }

  async storedSecret(generate: () => string): Promise<{ secret: string; created: boolean }> {
    // Two statements, not one: a worker whose insert waited on another's finds that row only with a
    // snapshot taken after the wait, which the separate SELECT has (READ COMMITTED).
    const inserted = await this.#pool.query('INSERT INTO question_log_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [generate()]);
    const { rows } = await this.#pool.query<{ secret: string }>('SELECT secret FROM question_log_secret WHERE id = 1');
    return { secret: rows[0]!.secret, created: (inserted.rowCount ?? 0) > 0 };
  }
}

/** Whether `id` can be a `question_log.id` (a positive bigint). */
export function isStoredId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

function toLoggedQuestion(row: QuestionRow): LoggedQuestion {
  return {
    id: Number(row.id),
    askedAt: row.asked_at,
    readerHash: row.reader_hash,
    chatType: row.chat_type,
    question: row.question,
    answered: row.answered,
    mode: row.mode === 'llm' || row.mode === 'extractive' ? row.mode : null,
    citedArticleIds: row.cited_article_ids,
    citedChunkIds: row.cited_chunk_ids.map(Number),
    latencyMs: row.latency_ms,
  };
}
