import type { AnswerFeedbackStore } from './answer-feedback-store.js';
import type { ChatMemoryStore } from './chat-memory-store.js';
import type { FollowStore } from './follow-store.js';
import type { FeedStateStore } from '../ingest/feed/feed-state-store.js';
import type { QuestionLogStore } from './question-log-store.js';
import type { RateLimitStore } from './rate-limit-store.js';
import type { SentDigestStore } from './sent-digest-store.js';
import type { SubscriptionStore } from './subscription-store.js';
import type { PinStore } from './pin-store.js';
import type { IngestCheckpointStore } from './ingest-checkpoint-store.js';

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
  /** The editors' answers pinned to questions (newsroom data). */
  readonly pins: PinStore;
  /** Followed topics (/follow) and the alerts sent about them. */
  readonly follows: FollowStore;
  /** How far the ingest of each long file got, so an interrupted one resumes (newsroom data). */
  readonly ingestCheckpoints: IngestCheckpointStore;
}
