import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPostgresPool } from '../../../src/store/postgres/create-postgres-pool.js';
import { openPostgresStateStores } from '../../../src/store/postgres/open-postgres-state-stores.js';
import { runPostgresMigrations } from '../../../src/store/postgres/run-postgres-migrations.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { pinStoreContract } from './pin-store-contract.js';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgresServer();
}, 30_000);

afterAll(async () => {
  await server?.close();
});

pinStoreContract('PostgreSQL', async () => {
  const connectionString = await server.createDatabase();
  const pools: pg.Pool[] = [];
  const open = async () => {
    const pool = createPostgresPool({ connectionString });
    pools.push(pool);
    await runPostgresMigrations(pool);
    return openPostgresStateStores(pool).pins;
  };
  return {
    pins: await open(),
    other: open,
    close: async () => {
      for (const pool of pools) await pool.end();
    },
  };
});
