import type { LoggedQuestion, QuestionLogEntry, QuestionLogQuery, QuestionLogStore } from '../question-log-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { decodeList } from './decode-column.js';
import { isStoredId } from './is-stored-id.js';
import type { SqlClient } from './sql-client.js';

/** A `question_log` row: SQLite's integers, ISO text and JSON text, or PostgreSQL's bigint text, Dates, booleans and arrays. */
interface QuestionRow {
  id: number | string;
  asked_at: string | Date;
  reader_hash: string;
  chat_type: string;
  question: string;
  answered: number | boolean;
  mode: string | null;
  cited_article_ids: string | string[];
  cited_chunk_ids: string | (string | number)[];
  latency_ms: number;
}

/**
 * {@link QuestionLogStore} written once for both backends (table `question_log`; `question_log_secret` only to empty
 * what earlier versions kept there). Times are UTC.
 */
export class SqlQuestionLogStore implements QuestionLogStore {
  readonly readerDataTables = ['question_log'] as const;
  readonly #client: SqlClient;

  constructor(client: SqlClient) {
    this.#client = client;
  }

  async record(entry: QuestionLogEntry): Promise<number> {
    const [row] = await this.#client.rows<{ id: number | string }>(
      `INSERT INTO question_log (asked_at, reader_hash, chat_type, question, answered, mode, cited_article_ids, cited_chunk_ids, latency_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [entry.askedAt, entry.readerHash, entry.chatType, entry.question, entry.answered, entry.mode, entry.citedArticleIds, entry.citedChunkIds, Math.round(entry.latencyMs)],
    );
    return Number(row!.id);
  }

  async get(id: number): Promise<LoggedQuestion | null> {
    if (!isStoredId(id)) return null;
    const [row] = await this.#client.rows<QuestionRow>('SELECT * FROM question_log WHERE id = ?', [id]);
    return row ? toLoggedQuestion(row) : null;
  }

  async list(query: QuestionLogQuery): Promise<LoggedQuestion[]> {
    const answered = query.answered === undefined ? '' : 'AND answered = ?';
    const parameters = query.answered === undefined ? [query.since] : [query.since, query.answered];
    const rows = await this.#client.rows<QuestionRow>(`SELECT * FROM question_log WHERE asked_at >= ? ${answered} ORDER BY asked_at, id`, parameters);
    return rows.map(toLoggedQuestion);
  }

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    // The votes on these entries go with them (ON DELETE CASCADE).
    return this.#client.deleteReaderRows([['DELETE FROM question_log WHERE reader_hash = ?', reader.readerHash]]);
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    return this.#client.run('DELETE FROM question_log WHERE asked_at < ?', [cutoff]);
  }

  async legacySecret(): Promise<string | null> {
    const [row] = await this.#client.rows<{ secret: string }>('SELECT secret FROM question_log_secret WHERE id = 1');
    return row?.secret ?? null;
  }

  async deleteLegacySecret(): Promise<boolean> {
    return (await this.#client.run('DELETE FROM question_log_secret')) > 0;
  }
}

function toLoggedQuestion(row: QuestionRow): LoggedQuestion {
  return {
    id: Number(row.id),
    askedAt: new Date(row.asked_at),
    readerHash: row.reader_hash,
    chatType: row.chat_type,
    question: row.question,
    answered: Boolean(row.answered),
    mode: row.mode === 'llm' || row.mode === 'extractive' || row.mode === 'pinned' ? row.mode : null,
    citedArticleIds: decodeList(row.cited_article_ids),
    citedChunkIds: decodeList(row.cited_chunk_ids).map(Number),
    latencyMs: row.latency_ms,
  };
}
