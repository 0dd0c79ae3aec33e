import type { ReaderDataHolder } from './reader-data.js';

/** One question as the question log keeps it: no name, no username, the reader only as a keyed hash. */
export interface QuestionLogEntry {
  askedAt: Date;
  /** HMAC of the Telegram user id under the question-log secret (see `createReaderKeys`); never the id itself. */
  readerHash: string;
  /** `private`, `group`, `supergroup`, `channel` or `inline`. */
  chatType: string;
  question: string;
  answered: boolean;
  /** What produced the answer; null when nothing was answered. */
  mode: 'extractive' | 'llm' | 'pinned' | null;
  citedArticleIds: readonly string[];
  /** The stored chunks the answer's citations quote (what a vote on the answer is about). */
  citedChunkIds: readonly number[];
  /** From the question's arrival to the answer being ready. */
  latencyMs: number;
}

/** A logged question with its key (carried by the feedback buttons under its answer). */
export interface LoggedQuestion extends QuestionLogEntry {
  id: number;
}

/** Which logged questions {@link QuestionLogStore.list} returns. */
export interface QuestionLogQuery {
  /** Asked at or after this time. */
  since: Date;
  /** Only answered (true) or unanswered (false) ones; default both. */
  answered?: boolean;
}

/**
 * Port: what readers asked, for editors. Entries carry no name or username; a reader can delete theirs
 * (`forgetReader`: their entries, with the votes on them), and entries past the retention period are deleted
 * (`deleteOlderThan`). The SQLite adapter is `SqliteQuestionLogStore`.
 */
export interface QuestionLogStore extends ReaderDataHolder {
  /** Records a question; resolves its id. */
  record(entry: QuestionLogEntry): Promise<number>;
  /** One entry, or null when unknown, forgotten or expired. */
  get(id: number): Promise<LoggedQuestion | null>;
  /** Entries matching the query, oldest first. */
  list(query: QuestionLogQuery): Promise<LoggedQuestion[]>;
  /** Deletes entries asked before `cutoff` (and the votes on them); resolves how many. */
  deleteOlderThan(cutoff: Date): Promise<number>;
  /**
   * The secret an earlier version generated and kept here (table `question_log_secret`), or null. Read once on
   * start to move it out of the database: a copy of the database must not hold the key of its own hashes.
   */
  legacySecret(): Promise<string | null>;
  /** Deletes that secret from the database; resolves whether there was one. */
  deleteLegacySecret(): Promise<boolean>;
}
