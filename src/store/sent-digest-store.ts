import type { ReaderDataHolder } from './reader-data.js';

/** Proof that a chat received the digest of a date. */
export interface SentDigest {
  chatId: string;
  date: string;
  sentAt: string;
  messageIds: number[];
}

/** One worker's hold on sending a chat's digest of a date. */
export interface DigestClaim {
  chatId: string;
  date: string;
  /** The worker holding it (`DigestScheduler`'s worker id). */
  claimant: string;
  /** Messages Telegram already accepted for this digest, in order: a retaken claim resumes after them. */
  messageIds: number[];
}

/** What {@link SentDigestStore.claim} found. */
export type ClaimDigestResult =
  | { status: 'claimed'; claim: DigestClaim }
  /** Sent already: nothing to do. */
  | { status: 'sent' }
  /** Another worker holds a live claim; it may be retaken once `expiresAt` passes without progress. */
  | { status: 'claimed-elsewhere'; claimant: string; expiresAt: Date };

/**
 * Port: one row per (chat, date), claimed by one worker before it sends, then marked sent. The
 * scheduler's "never twice, whatever the number of workers" rests on it: a claim is taken
 * atomically, renewed by each recorded message, and can be retaken only after its lease ran out
 * with no progress (its claimant died). The SQLite adapter is `SqliteSentDigestStore`, the
 * PostgreSQL one `PostgresSentDigestStore`.
 */
export interface SentDigestStore extends ReaderDataHolder {
  wasSent(chatId: string, date: string): Promise<boolean>;
  /**
   * Claims the digest for `claimant`: succeeds when nobody claimed it, when the claim is
   * `claimant`'s own (a resumed run), released, or older than `leaseMs` (measured on the store's
   * clock). Never succeeds once sent.
   */
  claim(chatId: string, date: string, claimant: string, leaseMs: number): Promise<ClaimDigestResult>;
  /** Records the messages accepted so far and renews the lease. Resolves false when the claim is no longer `claimant`'s: stop sending. */
  recordProgress(chatId: string, date: string, claimant: string, messageIds: readonly number[]): Promise<boolean>;
  /** Marks a claimed digest sent. Resolves false (changing nothing) when the claim is not `claimant`'s. */
  markSent(chatId: string, date: string, claimant: string, messageIds: readonly number[]): Promise<boolean>;
  /** Gives a claim up, keeping its progress, so any worker may take it at once. */
  release(chatId: string, date: string, claimant: string): Promise<void>;
  /** Records a completed send without a claim (imports). Resolves false (and changes nothing) when one was already recorded. */
  record(sent: SentDigest): Promise<boolean>;
  get(chatId: string, date: string): Promise<SentDigest | null>;
  /** Everything sent on a date (for logs and tests). */
  onDate(date: string): Promise<SentDigest[]>;
  /** Every completed send, oldest first (for `migrate --to`). */
  all(): Promise<SentDigest[]>;
}
