// What both chat-memory adapters share: the shape of "more results" keys and how long things are kept.
import { randomBytes } from 'node:crypto';

/** Defaults of the chat-memory adapters' options. */
export const CHAT_MEMORY_DEFAULTS = {
  /** How long a question or a list is kept. */
  retentionMs: 7 * 24 * 60 * 60 * 1000,
  /** Expired rows are deleted by a write at most this often (per process). */
  pruneIntervalMs: 60 * 60 * 1000,
} as const;

/** 16 random bytes in base64url: 22 characters, nothing to count up or guess. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A new "more results" key. */
export function newQuestionKey(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether `key` has the shape of a key (anything else is looked up nowhere). */
export function isQuestionKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
