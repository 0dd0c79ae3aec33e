import { createHmac } from 'node:crypto';

/** Hex characters kept of the HMAC: 128 bits, plenty to tell readers apart, and shorter rows. */
const HASH_CHARACTERS = 32;

/**
 * How the question log names a reader: HMAC-SHA-256 of the Telegram user id under a secret. Without the
 * secret a hash cannot be tied back to a user id (ids are few enough to try them all against a plain hash).
 */
export function createReaderHash(secret: string): (userId: number) => string {
  return (userId) => createHmac('sha256', secret).update(`telegram-user:${userId}`).digest('hex').slice(0, HASH_CHARACTERS);
}

/**
 * `createReaderHash` over a secret resolved on first use, and again after a failure: a worker whose
 * database (PostgreSQL) is away at start still starts and answers; only the question log waits.
 */
export function createLazyReaderHash(resolveSecret: () => Promise<string>): (userId: number) => Promise<string> {
  let hash: Promise<(userId: number) => string> | null = null;
  return async (userId) => {
    hash ??= resolveSecret()
      .then(createReaderHash)
      .catch((error: unknown) => {
        hash = null;
        throw error;
      });
    return (await hash)(userId);
  };
}
