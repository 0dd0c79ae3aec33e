/**
 * Before a long-polling `serve` starts: refuse a second poller of the same bot at once, rather than
 * letting two processes take turns at getUpdates. PostgreSQL mode: a session advisory lock keyed on a
 * hash of the token; SQLite mode: a lock file in NEWSBOT_HOME (one serve per home, as its digest
 * scheduler and feed poller must run once). Telegram's own 409 remains the last guard (other homes, other databases).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PollingConflictError } from '../bot/bot-errors.js';
import type { Config } from '../config/config.js';
import { ADVISORY_LOCKS } from '../store/postgres/advisory-locks.js';
import { trySessionLock } from '../store/postgres/try-session-lock.js';
import { readWriteLockHolder, tryAcquireWriteLock } from '../store/hnsw/write-lock.js';

/** The lock file a `serve` holds in NEWSBOT_HOME for its lifetime (SQLite mode). */
export const SERVE_LOCK_FILE = 'serve.lock';

/** Held for the life of `serve`. */
export interface LongPollingClaim {
  release(): Promise<void>;
}

/** A short, non-reversible name for a bot token, safe to log: the first 8 hex digits of its SHA-256. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 8);
}

export interface ClaimLongPollingOptions {
  /** Called when PostgreSQL cannot be reached: serving goes on from the replica, guarded by Telegram's 409 only. */
  onUnchecked?: (reason: string) => void;
}

/** Claims the right to serve `config`'s bot (see the file header); throws `PollingConflictError` when another process has it. */
export async function claimLongPolling(config: Config, options: ClaimLongPollingOptions = {}): Promise<LongPollingClaim> {
  const token = config.telegram.token ?? '';
  const fingerprint = tokenFingerprint(token);
  if (config.databaseUrl !== null) {
    if (config.telegram.webhookUrl !== null) return { release: async () => {} };
    // The key is signed 32-bit, as pg_advisory_lock's two-integer form wants.
    const key = createHash('sha256').update(token).digest().readInt32BE(0);
    let lock: Awaited<ReturnType<typeof trySessionLock>>;
    try {
      lock = await trySessionLock({ connectionString: config.databaseUrl, namespace: ADVISORY_LOCKS.pollingNamespace, key });
    } catch (error) {
      options.onUnchecked?.(error instanceof Error ? error.message : String(error));
      return { release: async () => {} };
    }
    if (lock === null) throw new PollingConflictError('postgres-lock', `a process on the same PostgreSQL holds the long-polling lock of bot token sha256:${fingerprint}`);
    return lock;
  }
  const file = path.join(config.dataDir, SERVE_LOCK_FILE);
  const lock = tryAcquireWriteLock(file, 'serve');
  if (lock === null) {
    const pid = readWriteLockHolder(file)?.pid;
    throw new PollingConflictError('home-lock', `${pid === undefined ? 'another process' : `process ${pid}`} serves NEWSBOT_HOME=${config.dataDir}; one serve per home`);
  }
  return { release: async () => lock.release() };
}
