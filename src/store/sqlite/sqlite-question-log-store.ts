import type Database from 'better-sqlite3';
import type { LoggedQuestion, QuestionLogEntry, QuestionLogQuery, QuestionLogStore } from '../question-log-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { deleteSecurely } from './sqlite-secure-delete.js';

interface QuestionRow {
  id: number;
  asked_at: string;
  reader_hash: string;
  chat_type: string;
  question: string;
  answered: number;
  mode: string | null;
  cited_article_ids: string;
  cited_chunk_ids: string;
  latency_ms: number;
}

/** {@link QuestionLogStore} on the newsbot SQLite database (tables `question_log`, `question_log_secret`). Times are ISO 8601 UTC. */
export class SqliteQuestionLogStore implements QuestionLogStore {
  readonly readerDataTables = ['question_log'] as const;
  readonly #database: Database.Database;

  constructor(database: Database.Database) {
    this.#database = database;
  }

  async record(entry: QuestionLogEntry): Promise<number> {
    const result = this.#database
      .prepare(
        `INSERT INTO question_log (asked_at, reader_hash, chat_type, question, answered, mode, cited_article_ids, cited_chunk_ids, latency_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.askedAt.toISOString(),
        entry.readerHash,
        entry.chatType,
        entry.question,
        entry.answered ? 1 : 0,
        entry.mode,
        JSON.stringify(entry.citedArticleIds),
        JSON.stringify(entry.citedChunkIds),
        Math.round(entry.latencyMs),
      );
    return Number(result.lastInsertRowid);
  }

  async get(id: number): Promise<LoggedQuestion | null> {
    const row = this.#database.prepare('SELECT * FROM question_log WHERE id = ?').get(id) as QuestionRow | undefined;
    return row ? toLoggedQuestion(row) : null;
  }

  async list(query: QuestionLogQuery): Promise<LoggedQuestion[]> {
    const answered = query.answered === undefined ? null : query.answered ? 1 : 0;
    const rows = this.#database
      .prepare('SELECT * FROM question_log WHERE asked_at >= ? AND (? IS NULL OR answered = ?) ORDER BY asked_at, id')
      .all(query.since.toISOString(), answered, answered) as QuestionRow[];
    return rows.map(toLoggedQuestion);
  }

  async forgetReader(reader: ReaderIdentity): Promise<number> {
    // The votes on these entries go with them (ON DELETE CASCADE).
    return deleteSecurely(this.#database, [['DELETE FROM question_log WHERE reader_hash = ?', reader.readerHash]]);
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    return this.#database.prepare('DELETE FROM question_log WHERE asked_at < ?').run(cutoff.toISOString()).changes;
  }

  async legacySecret(): Promise<string | null> {
    const row = this.#database.prepare('SELECT secret FROM question_log_secret WHERE id = 1').get() as { secret: string } | undefined;
    return row?.secret ?? null;
  }

  async deleteLegacySecret(): Promise<boolean> {
    return this.#database.prepare('DELETE FROM question_log_secret').run().changes > 0;
  }
}

function toLoggedQuestion(row: QuestionRow): LoggedQuestion {
  return {
    id: row.id,
    askedAt: new Date(row.asked_at),
    readerHash: row.reader_hash,
    chatType: row.chat_type,
    question: row.question,
    answered: row.answered === 1,
    mode: row.mode === 'llm' || row.mode === 'extractive' ? row.mode : null,
    citedArticleIds: JSON.parse(row.cited_article_ids) as string[],
    citedChunkIds: JSON.parse(row.cited_chunk_ids) as number[],
    latencyMs: row.latency_ms,
  };
}
