import type Database from 'better-sqlite3';
import type { AnswerFeedbackStore } from './answer-feedback-store.js';
import type { ChatMemoryStore } from './chat-memory-store.js';
import type { FeedStateStore } from '../ingest/feed/feed-state-store.js';
import { importFeedStateFile } from './import-feed-state-file.js';
import type { QuestionLogStore } from './question-log-store.js';
import type { RateLimitStore } from './rate-limit-store.js';
import type { SentDigestStore } from './sent-digest-store.js';
import { SqliteAnswerFeedbackStore } from './sqlite-answer-feedback-store.js';
import { SqliteChatMemoryStore } from './sqlite-chat-memory-store.js';
import { SqliteFeedStateStore } from './sqlite-feed-state-store.js';
import { SqliteQuestionLogStore } from './sqlite-question-log-store.js';
import { SqliteRateLimitStore } from './sqlite-rate-limit-store.js';
import { SqliteSentDigestStore } from './sqlite-sent-digest-store.js';
import { SqliteSubscriptionStore } from './sqlite-subscription-store.js';
import type { SubscriptionStore } from './subscription-store.js';

/** Every kind of state besides the articles, each behind its own port. */
export interface StateStores {
  readonly subscriptions: SubscriptionStore;
  readonly sentDigests: SentDigestStore;
  readonly feedStates: FeedStateStore;
  readonly chatMemory: ChatMemoryStore;
  readonly rateLimits: RateLimitStore;
  /** What readers asked, for editors (keyed reader hashes, retention, /forget). */
  readonly questionLog: QuestionLogStore;
  /** 👍 / 👎 votes under answers. */
  readonly answerFeedback: AnswerFeedbackStore;
}

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
  };
}
