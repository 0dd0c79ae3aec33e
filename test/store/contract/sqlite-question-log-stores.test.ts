import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../../../src/store/sqlite/open-state-stores.js';
import { questionLogStoreContract } from './question-log-store-contract.js';

questionLogStoreContract('SQLite', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-question-log-'));
  const file = path.join(folder, 'newsbot.db');
  const databases: Database.Database[] = [];
  const open = () => {
    const database = openSqliteDatabase(file);
    databases.push(database);
    return openStateStores(database);
  };
  return {
    stores: open(),
    other: async () => open(),
    close: async () => {
      for (const database of databases) database.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
});
