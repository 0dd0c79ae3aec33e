import pg from 'pg';

export interface CreatePostgresPoolOptions {
  /** `postgres://user:password@host:port/database` (DATABASE_URL). */
  connectionString: string;
  /** Most connections the pool opens. Default 10. */
  max?: number;
  /** Milliseconds to wait for a connection before a query fails. Default 5000, so an outage fails fast instead of hanging. */
  connectionTimeoutMillis?: number;
  /**
   * Called when an idle pooled connection breaks (PostgreSQL restarted or went away). Without a
   * listener node-postgres would throw it as an uncaught error and end the process; the pool drops
   * the broken connection by itself and the next query opens a new one. Default: ignore.
   */
  onIdleError?: (error: Error) => void;
}

/** A connection pool for the system of record, safe against idle connections dying. */
export function createPostgresPool(options: CreatePostgresPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
    keepAlive: true,
  });
  pool.on('error', (error) => options.onIdleError?.(error));
  return pool;
}
