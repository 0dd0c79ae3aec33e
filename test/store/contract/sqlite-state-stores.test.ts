import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../../../src/store/sqlite/open-state-stores.js';
import { stateStoreContract } from './state-store-contract.js';

stateStoreContract('SQLite', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-state-'));
  const file = path.join(folder, 'newsbot.db');
  let clock: Date | null = null;
  const now = () => clock ?? new Date();
  const databases = [openSqliteDatabase(file)];
  const open = () => {
    const database = openSqliteDatabase(file);
    databases.push(database);
    return openStateStores(database, { now });
  };
  return {
    stores: openStateStores(databases[0]!, { now }),
    other: async () => open(),
    setClock: (iso) => (clock = new Date(iso)),
    close: async () => {
      for (const database of databases) database.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
});
