import type Database from 'better-sqlite3';
import type { StateStores } from '../state-stores.js';
import { importFeedStateFile } from './import-feed-state-file.js';
import { SqliteAnswerFeedbackStore } from './sqlite-answer-feedback-store.js';
import { SqlFollowStore } from '../sql/sql-follow-store.js';
import { SqlIngestCheckpointStore } from '../sql/sql-ingest-checkpoint-store.js';
import { sqliteClient } from './sqlite-client.js';
import { SqliteChatMemoryStore } from './sqlite-chat-memory-store.js';
import { SqliteFeedStateStore } from './sqlite-feed-state-store.js';
import { SqliteQuestionLogStore } from './sqlite-question-log-store.js';
import { SqliteRateLimitStore } from './sqlite-rate-limit-store.js';
import { SqliteSentDigestStore } from './sqlite-sent-digest-store.js';
import { SqliteSubscriptionStore } from './sqlite-subscription-store.js';
import { SqlitePinStore } from './sqlite-pin-store.js';

/** Options for {@link openStateStores}. */
export interface OpenStateStoresOptions {
  /** A `feed-state.json` of older versions to import once (see `importFeedStateFile`). Default: none. */
  legacyFeedStateFile?: string;
  /** The clock for timestamps the stores write. Default `() => new Date()`. */
  now?: () => Date;
}

/**
 * The SQLite adapters of every state port over one open, migrated newsbot database (the archive's
 * connection: their tables live in the same file and the same migrations). Closing the database
 * closes them.
 */
export function openStateStores(database: Database.Database, options: OpenStateStoresOptions = {}): StateStores {
  const now = options.now ?? (() => new Date());
  if (options.legacyFeedStateFile) importFeedStateFile(database, options.legacyFeedStateFile, now);
  return {
    subscriptions: new SqliteSubscriptionStore(database, now),
    sentDigests: new SqliteSentDigestStore(database, now),
    feedStates: new SqliteFeedStateStore(database, now),
    chatMemory: new SqliteChatMemoryStore(database, { now: () => now().getTime() }),
    rateLimits: new SqliteRateLimitStore(database),
    questionLog: new SqliteQuestionLogStore(database),
    answerFeedback: new SqliteAnswerFeedbackStore(database),
    pins: new SqlitePinStore(database, now),
    follows: new SqlFollowStore(sqliteClient(database), now),
    ingestCheckpoints: new SqlIngestCheckpointStore(sqliteClient(database), now),
  };
}
