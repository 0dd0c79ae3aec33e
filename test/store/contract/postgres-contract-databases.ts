import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPostgresPool } from '../../../src/store/postgres/create-postgres-pool.js';
import { runPostgresMigrations } from '../../../src/store/postgres/run-postgres-migrations.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';

/** A contract's fixture on PostgreSQL: its stores, another worker's connection to the same database, and a close. */
export interface PostgresContractFixture<T> {
  first: T;
  other: () => Promise<T>;
  close: () => Promise<void>;
}

/**
 * One PostgreSQL server for a contract test file; each fixture gets a fresh, migrated database, and `openStores` runs
 * on a pool of its own per connection (one pool a worker), all ended by `close`.
 */
export function postgresContractDatabases<T>(openStores: (pool: pg.Pool) => T): () => Promise<PostgresContractFixture<T>> {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgresServer();
  }, 30_000);
  afterAll(async () => {
    await server?.close();
  });
  return async () => {
    const connectionString = await server.createDatabase();
    const pools: pg.Pool[] = [];
    const open = async (): Promise<T> => {
      const pool = createPostgresPool({ connectionString });
      pools.push(pool);
      await runPostgresMigrations(pool);
      return openStores(pool);
    };
    return {
      first: await open(),
      other: open,
      close: async () => {
        for (const pool of pools) await pool.end();
      },
    };
  };
}
