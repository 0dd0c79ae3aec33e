import type { Pin } from '../../store/pin-store.js';

/** Options of {@link failSoftPins}. */
export interface FailSoftPinsOptions {
  /** Reads the pins from their store (PostgreSQL in PostgreSQL mode). */
  read: () => Promise<readonly Pin[]>;
  /** Told when a read fails or takes too long. */
  onError: (error: unknown) => void;
  /** Longest wait for a read before answering with the pins read last. Default 1000 ms. */
  timeoutMs?: number;
  /** After a failed read, how long the pins read last are used without trying again. Default 30 s. */
  retryAfterMs?: number;
  /** The clock (tests). Default `Date.now`. */
  now?: () => number;
}

/**
 * The pins as a question needs them: read fresh each time (a pin added or removed anywhere is seen at the next
 * question), but while the store is unreachable the pins read last, so answers go on from the replica as they do
 * while PostgreSQL is away, and are not held up by a connection attempt per question.
 */
export function failSoftPins(options: FailSoftPinsOptions): () => Promise<readonly Pin[]> {
  const timeoutMs = options.timeoutMs ?? 1000;
  const retryAfterMs = options.retryAfterMs ?? 30_000;
  const now = options.now ?? Date.now;
  let last: readonly Pin[] = [];
  let retryAt = 0;
  return async () => {
    if (now() < retryAt) return last;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`reading the pins took over ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    });
    try {
      last = await Promise.race([options.read(), timedOut]);
      return last;
    } catch (error) {
      options.onError(error);
      retryAt = now() + retryAfterMs;
      return last;
    } finally {
      clearTimeout(timer);
    }
  };
}
