import { openPostgresStateStores } from '../../../src/store/postgres/open-postgres-state-stores.js';
import { postgresContractDatabases } from './postgres-contract-databases.js';
import { pinStoreContract } from './pin-store-contract.js';

const freshDatabase = postgresContractDatabases((pool) => openPostgresStateStores(pool).pins);

pinStoreContract('PostgreSQL', async () => {
  const { first, other, close } = await freshDatabase();
  return { pins: first, other, close };
});
