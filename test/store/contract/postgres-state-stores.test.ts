import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPostgresPool } from '../../../src/store/postgres/create-postgres-pool.js';
import { openPostgresStateStores } from '../../../src/store/postgres/open-postgres-state-stores.js';
import { runPostgresMigrations } from '../../../src/store/postgres/run-postgres-migrations.js';
import { startPostgresServer, type PostgresServer } from '../../helpers/postgres-server.js';
import { stateStoreContract } from './state-store-contract.js';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgresServer();
}, 30_000);

afterAll(async () => {
  await server?.close();
});

stateStoreContract('PostgreSQL', async () => {
  const connectionString = await server.createDatabase();
  let clock: Date | null = null;
  const now = () => clock ?? new Date();
  const pools: pg.Pool[] = [];
  const open = async () => {
    const pool = createPostgresPool({ connectionString });
    pools.push(pool);
    await runPostgresMigrations(pool);
    return openPostgresStateStores(pool, { now });
  };
  return {
    stores: await open(),
    other: open,
    setClock: (iso) => (clock = new Date(iso)),
    close: async () => {
      for (const pool of pools) await pool.end();
    },
  };
});
