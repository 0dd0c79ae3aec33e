import type { Archive } from '../pipeline/archive.js';
import type { Logger } from '../log/logger.js';
import type { AnswerFeedbackStore } from '../store/answer-feedback-store.js';
import type { ChatMemoryStore } from '../store/chat-memory-store.js';
import type { QuestionLogStore } from '../store/question-log-store.js';
import type { RateLimitStore } from '../store/rate-limit-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import type { ReaderKeys } from '../question-log/reader-keys.js';

/** What bot features need; built once in `startServer`. */
export interface BotDeps {
  readonly archive: Archive;
  readonly logger: Logger;
  /** Whether a Telegram user id is on the staff allowlist (STAFF_USER_IDS). */
  isStaff(userId: number | undefined): boolean;
  /** "More results" questions and `/source` numbered lists, kept across restarts. */
  readonly chatMemory: ChatMemoryStore;
  /** Per-user question windows, kept across restarts. */
  readonly rateLimits: RateLimitStore;
  /** Digest subscriptions, changed by /subscribe, /unsubscribe, /addchannel and /removechannel. */
  readonly subscriptions: SubscriptionStore;
  /** What readers asked, for /unanswered and the report; deleted by /forget and after the retention period. */
  readonly questionLog: QuestionLogStore;
  /** 👍 / 👎 under answers. */
  readonly answerFeedback: AnswerFeedbackStore;
  /** The only forms in which a reader or a chat is stored or logged: keyed hashes of their Telegram ids. */
  readonly readerKeys: ReaderKeys;
}
