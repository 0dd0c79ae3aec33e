import type { Answerer } from '../answer/answer-result.js';
import type { Config } from '../config/config.js';
import type { Retriever } from '../retrieval/passage.js';
import type { ArticleStore } from '../store/article-store.js';
import type { StateStores } from '../store/state-stores.js';
import type { CorrectionStore } from '../store/correction-store.js';
import type { Logger } from '../log/logger.js';
import type { AnswerFeedbackStore } from '../store/answer-feedback-store.js';
import type { ChatMemoryStore } from '../store/chat-memory-store.js';
import type { QuestionLogStore } from '../store/question-log-store.js';
import type { RateLimitStore } from '../store/rate-limit-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import type { ReaderKeys } from '../question-log/reader-keys.js';
import type { PinStore } from '../store/pin-store.js';
import type { PinMatcher } from '../answer/pinned/pin-matcher.js';

/** The settings bot features read (from `Config`). */
export interface BotSettings {
  readonly telegram: Config['telegram'];
  readonly questionLogRetentionDays: number;
  readonly digest: Pick<Config['digest'], 'cron' | 'timezone'>;
  /** FOLLOW_TOPICS_MAX and the other /follow settings. */
  readonly follow: Config['follow'];
}

/** What bot features need, each a port of its own; built once in `startServer`. */
export interface BotDeps {
  /** Articles and chunks: /latest, /source, passages behind buttons, inline lists. */
  readonly articles: ArticleStore;
  /** Printed corrections and updates in place, shown on source cards and /source (in PostgreSQL mode, as the replica copied them). */
  readonly corrections?: CorrectionStore;
  /** Ranked passages: /search, "more results", /check, /timeline. */
  readonly retriever: Retriever;
  /** Questions → cited answers. */
  readonly answerer: Answerer;
  /** Every store holding reader data, for /forget (`forgetReader`). */
  readonly readerData: StateStores;
  /** The settings features read: Telegram limits, question-log retention, the digest schedule. */
  readonly settings: BotSettings;
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
  /** The editors' pinned answers: /pin, /unpin, /pins. */
  readonly pins: PinStore;
  /** Which pin answers a question now (what `answerer` serves first): /unanswered marks the groups a pin answers. Absent: none. */
  readonly pinMatcher?: PinMatcher | null;
  /** The only forms in which a reader or a chat is stored or logged: keyed hashes of their Telegram ids. */
  readonly readerKeys: ReaderKeys;
}
