import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqliteDatabase } from '../../../src/store/sqlite/open-sqlite-database.js';
import { openStateStores } from '../../../src/store/sqlite/open-state-stores.js';
import { pinStoreContract } from './pin-store-contract.js';

pinStoreContract('SQLite', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-pins-'));
  const file = path.join(folder, 'newsbot.db');
  const databases: Database.Database[] = [];
  const open = () => {
    const database = openSqliteDatabase(file);
    databases.push(database);
    return openStateStores(database).pins;
  };
  return {
    pins: open(),
    other: async () => open(),
    close: async () => {
      for (const database of databases) database.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
});
