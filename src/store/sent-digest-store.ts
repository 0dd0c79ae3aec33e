/** Proof that a chat received the digest of a date. */
export interface SentDigest {
  chatId: string;
  date: string;
  sentAt: string;
  messageIds: number[];
}

/**
 * Port: one record per (chat, date), written only after every message of the digest was accepted
 * by Telegram; the scheduler's "never twice" rests on it. The SQLite adapter is `SqliteSentDigestStore`.
 */
export interface SentDigestStore {
  wasSent(chatId: string, date: string): Promise<boolean>;
  /** Records a completed send. Resolves false (and changes nothing) when one was already recorded: only the first insert wins. */
  record(sent: SentDigest): Promise<boolean>;
  get(chatId: string, date: string): Promise<SentDigest | null>;
  /** Everything sent on a date (for logs and tests). */
  onDate(date: string): Promise<SentDigest[]>;
}
