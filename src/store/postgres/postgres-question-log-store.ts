import type pg from 'pg';
import type { LoggedQuestion, QuestionLogEntry, QuestionLogQuery, QuestionLogStore } from '../question-log-store.js';
import type { ReaderIdentity } from '../reader-data.js';

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
 * {@link QuestionLogStore} on PostgreSQL (table `question_log`; `question_log_secret` only to empty what earlier
 * versions kept there), shared by every worker: `/forget`, retention and the reports see the questions asked
 * through any of them.
 */
export class PostgresQuestionLogStore implements QuestionLogStore {
  readonly readerDataTables = ['question_log'] as const;
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

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    // The votes on these entries go with them (ON DELETE CASCADE).
    const { rowCount } = await this.#pool.query('DELETE FROM question_log WHERE reader_hash = $1', [reader.readerHash]);
    return rowCount ?? 0;
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const { rowCount } = await this.#pool.query('DELETE FROM question_log WHERE asked_at < $1', [cutoff]);
    return rowCount ?? 0;
  }

  async legacySecret(): Promise<string | null> {
    const { rows } = await this.#pool.query<{ secret: string }>('SELECT secret FROM question_log_secret WHERE id = 1');
    return rows[0]?.secret ?? null;
  }

  async deleteLegacySecret(): Promise<boolean> {
    const { rowCount } = await this.#pool.query('DELETE FROM question_log_secret');
    return (rowCount ?? 0) > 0;
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
