import { createHmac } from 'node:crypto';
import type { ReaderIdentity } from '../store/reader-data.js';

/** Hex characters kept of each HMAC: 128 bits, plenty to tell readers and chats apart, and shorter rows. */
const HASH_CHARACTERS = 32;
/** Bytes kept of a button signature: 96 bits, 16 characters of the 64 bytes callback data may hold. */
const SIGNATURE_BYTES = 12;

/**
 * The only forms in which the bot stores or logs a reader or a chat: keyed hashes (HMAC-SHA-256 under the
 * question-log secret). Telegram ids are few enough to try them all against a plain hash; without the secret, which
 * is never in the database, a hash cannot be tied back to an id.
 */
export interface ReaderKeys {
  /** A reader, from the Telegram user id (the question log's `reader_hash`). */
  reader(userId: number): string;
  /** A chat, from its id (a private chat's id is its reader's user id, so it is keyed too). */
  chat(chatId: number): string;
  /** A signature of `subject` for a button's callback data (16 base64url characters, 96 bits): unforgeable without the secret. */
  signature(subject: string): string;
  /** Every form in which the stores may keep a reader, for /forget. */
  identity(userId: number): ReaderIdentity;
}

/** {@link ReaderKeys} under `secret`; readers, chats and signatures are hashed apart, so the same number gives unrelated hashes. */
export function createReaderKeys(secret: string): ReaderKeys {
  const hmac = (subject: string) => createHmac('sha256', secret).update(subject).digest();
  // The same input as before chats were keyed too, so logged questions stay reachable by /forget.
  const reader = (userId: number) => hmac(`telegram-user:${userId}`).toString('hex').slice(0, HASH_CHARACTERS);
  const chat = (chatId: number) => hmac(`telegram-chat:${chatId}`).toString('hex').slice(0, HASH_CHARACTERS);
  return {
    reader,
    chat,
    signature: (subject) => hmac(`button:${subject}`).subarray(0, SIGNATURE_BYTES).toString('base64url'),
    // A private chat's id is its reader's user id.
    identity: (userId) => ({ readerHash: reader(userId), privateChatHash: chat(userId), privateChatId: String(userId) }),
  };
}
