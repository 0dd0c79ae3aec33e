import pg from 'pg';

export interface TrySessionLockOptions {
  connectionString: string;
  /** The advisory lock's two integers (`pg_try_advisory_lock(namespace, key)`). */
  namespace: number;
  key: number;
}

/** A session advisory lock held on a connection of its own; PostgreSQL releases it when that connection ends (also on SIGKILL). */
export interface SessionLock {
  /** Unlocks and closes the connection; idempotent. */
  release(): Promise<void>;
}

/**
 * Takes a session advisory lock without waiting: null when another session holds it. The lock
 * lives as long as its connection; when PostgreSQL restarts it is gone, which callers accept for
 * locks that only refuse a second process at start-up.
 */
export async function trySessionLock(options: TrySessionLockOptions): Promise<SessionLock | null> {
  const client = new pg.Client({ connectionString: options.connectionString, connectionTimeoutMillis: 5000, keepAlive: true });
  // A broken connection has released the lock already; without a listener it would end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [options.namespace, options.key]);
    if (!rows[0]?.locked) {
      await client.end().catch(() => undefined);
      return null;
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  let released: Promise<void> | null = null;
  return { release: () => (released ??= client.end().catch(() => undefined)) };
}
