import type pg from 'pg';
import { createPostgresPool } from './create-postgres-pool.js';
import { runPostgresMigrations } from './run-postgres-migrations.js';
import { PostgresArticleWriter } from './postgres-article-writer.js';
import { PostgresArticleReader } from './postgres-article-reader.js';
import { PostgresChangeNotifier } from './postgres-change-notifier.js';

export interface OpenPostgresStoreOptions {
  /** DATABASE_URL. */
  connectionString: string;
  /** The embedder whose vectors this process writes. */
  embedderId: string;
  dimensions: number;
  /** Pool size. Default 10. */
  maxConnections?: number;
  /** Told when an idle pooled connection breaks (PostgreSQL restarted); the pool replaces it. */
  onIdleError?: (error: Error) => void;
}

/** The system of record's adapters over one pool; `close` ends the pool. */
export interface PostgresStore {
  readonly pool: pg.Pool;
  readonly writer: PostgresArticleWriter;
  readonly reader: PostgresArticleReader;
  readonly notifier: PostgresChangeNotifier;
  /** Schema version after start-up. */
  readonly schemaVersion: number;
  close(): Promise<void>;
}

/** Connects to PostgreSQL and brings its schema up to date (once, whatever the number of processes starting). */
export async function openPostgresStore(options: OpenPostgresStoreOptions): Promise<PostgresStore> {
  const pool = createPostgresPool({ connectionString: options.connectionString, max: options.maxConnections, onIdleError: options.onIdleError });
  try {
    const { version } = await runPostgresMigrations(pool);
    let closed = false;
    return {
      pool,
      writer: new PostgresArticleWriter({ pool, embedderId: options.embedderId, dimensions: options.dimensions }),
      reader: new PostgresArticleReader(pool),
      notifier: new PostgresChangeNotifier({ connectionString: options.connectionString }),
      schemaVersion: version,
      close: async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
