import { openPostgresQuestionLogStores } from '../../../src/store/postgres/open-postgres-question-log-stores.js';
import { postgresContractDatabases } from './postgres-contract-databases.js';
import { questionLogStoreContract } from './question-log-store-contract.js';

const freshDatabase = postgresContractDatabases(openPostgresQuestionLogStores);

questionLogStoreContract('PostgreSQL', async () => {
  const { first, other, close } = await freshDatabase();
  return { stores: first, other, close };
});
